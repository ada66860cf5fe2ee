using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Files the app writes: a downloaded or exported copy must keep its label (Measures Art. 4 ¶2). The SDK samples save
/// generated images and speech with <c>bytes.ToStream().CopyTo(File.OpenWrite(...))</c> or <c>File.WriteAllBytes</c>;
/// both are sinks, as is a write to a <c>FileStream</c>. A memory buffer is not a file; text files hold the app's own
/// state in public apps (persisted threads, caches) and are not sinks. On the real OpenAI 2.15 and Microsoft.Extensions.AI.
/// </summary>
public class FileSinkTests
{
    private const string Usings = """
        #pragma warning disable MEAI001, OPENAI001
        using System.IO;
        using OpenAI.Audio;
        using OpenAI.Images;

        """;

    [Fact]
    public Task Generated_images_and_speech_saved_to_files_are_reported_unless_labeled() => FlowVerifier.VerifyAsync(Usings + Code.Header + """
        static class Saver
        {
            public static async Task SaveImage(ImageClient images, string prompt)
            {
                GeneratedImage image = await images.GenerateImageAsync(prompt);
                BinaryData bytes = image.ImageBytes;
                using FileStream stream = File.OpenWrite($"{Guid.NewGuid()}.png");
                [|bytes.ToStream()|].CopyTo(stream);
            }

            public static async Task SaveImageAsync(ImageClient images, string prompt)
            {
                var image = (await images.GenerateImageAsync(prompt)).Value;
                using var stream = File.Create("image.png");
                await [|image.ImageBytes.ToStream()|].CopyToAsync(stream);
            }

            public static void SaveSpeech(AudioClient audio, string text)
            {
                BinaryData speech = audio.GenerateSpeech(text, GeneratedSpeechVoice.Alloy);
                File.WriteAllBytes("speech.mp3", [|speech.ToArray()|]);
            }

            public static async Task WriteToStream(IImageGenerator generator, string prompt)
            {
                var response = await generator.GenerateImagesAsync(prompt);
                var image = (DataContent)response.Contents[0];
                await File.WriteAllBytesAsync("a.png", [|image.Data|]);
                using var file = new FileStream("b.png", FileMode.Create);
                file.Write([|image.Data.ToArray()|], 0, image.Data.Length);
                await file.WriteAsync([|image.Data|]);
                await [|image|].SaveToAsync("c.png");
                await Svc.LabelImage(image, "id").SaveToAsync("d.png");
            }

            public static async Task SaveLabeled(ImageClient images, AudioClient audio, string prompt)
            {
                var image = (await images.GenerateImageAsync(prompt)).Value;
                using FileStream stream = File.OpenWrite("labeled.png");
                Svc.LabelImage(image.ImageBytes, Guid.NewGuid().ToString()).ToStream().CopyTo(stream);
                File.WriteAllBytes("labeled.mp3", Svc.LabelAudio(audio.GenerateSpeech(prompt, GeneratedSpeechVoice.Alloy).Value.ToArray(), "id", rhythmPrompt: false));
            }
        }
        """);

    [Fact]
    public Task A_memory_buffer_an_upload_saved_and_a_text_file_are_not_reported() => FlowVerifier.VerifyAsync(Usings + Code.Header + """
        static class Buffers
        {
            public static async Task<byte[]> Buffer(ImageClient images, string prompt)
            {
                var image = (await images.GenerateImageAsync(prompt)).Value;
                using var memory = new MemoryStream();
                image.ImageBytes.ToStream().CopyTo(memory); // a buffer, not a file
                memory.Write(image.ImageBytes.ToArray(), 0, 4);
                return Svc.LabelImage(memory.ToArray(), "id");
            }

            public static void SaveUpload(Stream upload, byte[] picture)
            {
                using var file = File.Create("upload.bin");
                upload.CopyTo(file); // what the user sent
                File.WriteAllBytes("picture.png", picture);
            }

            public static async Task PersistThread(IChatClient client, string question)
            {
                var response = await client.GetResponseAsync(question);
                await File.WriteAllTextAsync("thread.json", System.Text.Json.JsonSerializer.Serialize(response.Messages)); // the app's state
            }
        }
        """);
}
