using AiCompliance;

namespace Configured;

[RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
public static partial class Assistant
{
}
