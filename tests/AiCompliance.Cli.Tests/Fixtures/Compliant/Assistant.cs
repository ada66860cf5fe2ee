using AiCompliance;

namespace Compliant;

[RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
public static partial class Assistant
{
}
