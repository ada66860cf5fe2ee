using AiCompliance;

namespace OpenAIConsole;

/// <summary>
/// The registered generative-AI service this app uses. The AiCompliance generator fills this class with
/// RegistrationNumber, RegistrationNotice, Label(string), Label(IAsyncEnumerable&lt;string&gt;) and ImplicitLabel(...).
/// (No WithLabels here: that one needs Microsoft.Extensions.AI, and this sample uses the OpenAI SDK directly.)
/// </summary>
[RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
public static partial class ExampleAssistant
{
}
