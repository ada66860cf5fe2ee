using AiCompliance;

namespace UnlabeledChat;

/// <summary>
/// The registered generative-AI service behind the chat (a sample number, not a real filing). The AiCompliance
/// generator fills this class with RegistrationNumber, RegistrationNotice, Label(...), ImplicitLabel(...) and
/// WithLabels(...) / LabeledChatClient.
/// </summary>
[RegisteredAiService("Shanghai-ChatWeb-20240315", ServiceName = "ChatWeb", Provider = "ExampleCo")]
public static partial class ChatAssistant
{
}
