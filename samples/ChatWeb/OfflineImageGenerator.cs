using Microsoft.Extensions.AI;
using SkiaSharp;

namespace ChatWeb;

/// <summary>
/// A deterministic, offline stand-in for an image model (no network, no keys): paints a small landscape (sky, sun,
/// hills) as a PNG, the way a real <see cref="IImageGenerator"/> answers with <see cref="DataContent"/> bytes.
/// </summary>
public sealed class OfflineImageGenerator : IImageGenerator
{
    public const int Width = 480;
    public const int Height = 320;

    public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var png = Paint();
        return Task.FromResult(new ImageGenerationResponse(new List<AIContent> { new DataContent(png, "image/png") }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static byte[] Paint()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Height), new[] { new SKColor(0x4A, 0x90, 0xD9), new SKColor(0xB8, 0xDC, 0xF5) }, SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, Width, Height, sky);
            using var sun = new SKPaint { Color = new SKColor(0xF5, 0xC2, 0x42), IsAntialias = true };
            canvas.DrawCircle(Width * 0.75f, Height * 0.3f, 40, sun);
            using var hills = new SKPaint { Color = new SKColor(0x5C, 0x9E, 0x4A), IsAntialias = true };
            canvas.DrawOval(Width * 0.25f, Height * 0.95f, Width * 0.45f, Height * 0.4f, hills);
            hills.Color = new SKColor(0x4A, 0x8A, 0x3C);
            canvas.DrawOval(Width * 0.8f, Height * 1.0f, Width * 0.4f, Height * 0.35f, hills);
        }

        using var pixels = bitmap.PeekPixels();
        using var data = pixels.Encode(SKPngEncoderOptions.Default) ?? throw new InvalidOperationException("PNG encoding failed.");
        return data.ToArray();
    }
}
