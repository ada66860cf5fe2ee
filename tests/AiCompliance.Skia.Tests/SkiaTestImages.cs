using System;
using System.IO;
using SkiaSharp;
using Xunit;

namespace AiCompliance.Skia.Tests;

/// <summary>Inputs made with SkiaSharp, and the checks: decode the result, find what changed, measure the text's ink.</summary>
internal static class SkiaTestImages
{
    /// <summary>A mid-tone pattern: no pixel is near white or near black, so the band and the text stand out.</summary>
    public static SKBitmap Pattern(int width, int height, bool alpha = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(60 + (x * 7) % 120), (byte)(60 + (y * 5) % 120), (byte)(60 + ((x + y) * 3) % 120), alpha ? (byte)(40 + (x + y) % 200) : (byte)255));
            }
        }

        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var pixmap = bitmap.PeekPixels();
        return pixmap.Encode(format, quality)!.ToArray();
    }

    public static byte[] EncodeWebp(SKBitmap bitmap, bool lossless)
    {
        using var pixmap = bitmap.PeekPixels();
        return pixmap.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, lossless ? 100 : 95))!.ToArray();
    }

    /// <summary>Decodes a whole file (must succeed) into unpremultiplied RGBA.</summary>
    public static (SKBitmap Bitmap, SKEncodedImageFormat Format) Decode(byte[] file)
    {
        using var codec = SKCodec.Create(new MemoryStream(file));
        Assert.NotNull(codec);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return (bitmap, codec.EncodedFormat);
    }

    /// <summary>The smallest rectangle holding every pixel that differs by more than <paramref name="tolerance"/> in a channel.</summary>
    public static SKRectI ChangedArea(SKBitmap before, SKBitmap after, int tolerance)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                if (Distance(before.GetPixel(x, y), after.GetPixel(x, y)) > tolerance)
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x + 1);
                    bottom = Math.Max(bottom, y + 1);
                }
            }
        }

        return right < 0 ? SKRectI.Empty : new SKRectI(left, top, right, bottom);
    }

    /// <summary>The largest channel difference outside <paramref name="area"/>.</summary>
    public static int MaxDifferenceOutside(SKBitmap before, SKBitmap after, SKRectI area)
    {
        var max = 0;
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                if (!area.Contains(x, y))
                {
                    max = Math.Max(max, Distance(before.GetPixel(x, y), after.GetPixel(x, y)));
                }
            }
        }

        return max;
    }

    /// <summary>The rows of <paramref name="area"/> holding text ink (near-white pixels; the pattern and the band are darker).</summary>
    public static (int Top, int Bottom) InkRows(SKBitmap bitmap, SKRectI area)
    {
        int top = int.MaxValue, bottom = -1;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 200)
                {
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y + 1);
                    break;
                }
            }
        }

        return (top, bottom);
    }

    /// <summary>The mean brightness of an area (the band darkens it).</summary>
    public static double MeanBrightness(SKBitmap bitmap, SKRectI area)
    {
        double sum = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                sum += (c.Red + c.Green + c.Blue) / 3.0;
            }
        }

        return sum / (area.Width * area.Height);
    }

    /// <summary>The floor the issue asks for, computed here: the larger of 12 px and 5 % of the shorter side.</summary>
    public static int Floor(int width, int height) => Math.Max(12, (int)Math.Ceiling(Math.Min(width, height) * 0.05));

    private static int Distance(SKColor a, SKColor b) =>
        Math.Max(Math.Max(Math.Abs(a.Red - b.Red), Math.Abs(a.Green - b.Green)), Math.Max(Math.Abs(a.Blue - b.Blue), Math.Abs(a.Alpha - b.Alpha)));
}
