using AiCompliance;

namespace BadNumber;

// The date part '2' is not yyyyMMdd: AIC002.
[RegisteredAiService("Beijing-XueQiuHuiJian-2S0033", ServiceName = "XueQiu")]
public static partial class Assistant
{
}
