using AiCompliance;

namespace ConsoleChat;

/// <summary>
/// The registered generative-AI service this app uses. The AiCompliance generator fills this class with
/// RegistrationNumber, RegistrationNotice, Label(...), ImplicitLabel(...) and WithLabels(...).
/// </summary>
[RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
public static partial class ExampleAssistant
{
}
