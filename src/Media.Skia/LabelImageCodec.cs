using System;
using SkiaSharp;

namespace AiCompliance.Skia
{
    /// <summary>Decoding a still PNG / JPEG / WebP into an upright bitmap, and encoding it back in the same format.</summary>
    internal static class LabelImageCodec
    {
        public static Decoded Decode(byte[] image, VisibleLabelOptions options)
        {
            using var data = SKData.CreateCopy(image);
            using var codec = SKCodec.Create(data)
                ?? throw new FormatException("The bytes are not an image SkiaSharp can read (expected PNG, JPEG or WebP).");
            var format = codec.EncodedFormat;
            if (format != SKEncodedImageFormat.Png && format != SKEncodedImageFormat.Jpeg && format != SKEncodedImageFormat.Webp)
            {
                throw new FormatException("The image is " + format + "; the visible label is drawn on PNG, JPEG or WebP only.");
            }

            if (!Complete(image, format))
            {
                throw new FormatException("The " + format + " image is truncated (its end marker is missing).");
            }

            if (codec.FrameCount > 1)
            {
                throw new FormatException("The image is animated (" + codec.FrameCount + " frames): drawing on it would drop the animation.");
            }

            var info = codec.Info;
            if (info.Width <= 0 || info.Height <= 0)
            {
                throw new FormatException("The image has no pixels (" + info.Width + " x " + info.Height + ").");
            }

            if ((long)info.Width * info.Height > options.MaxPixels)
            {
                throw new FormatException("The image (" + info.Width + " x " + info.Height + ") is larger than the " + options.MaxPixels + " pixels allowed.");
            }

            var opaque = info.AlphaType == SKAlphaType.Opaque;
            var decodeInfo = new SKImageInfo(info.Width, info.Height, SKImageInfo.PlatformColorType, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul, info.ColorSpace);
            var bitmap = new SKBitmap(decodeInfo);
            try
            {
                var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
                if (result != SKCodecResult.Success)
                {
                    throw new FormatException("The " + format + " image could not be decoded whole (" + result + "): it is truncated or corrupt.");
                }

                var upright = Upright(bitmap, codec.EncodedOrigin);
                if (!ReferenceEquals(upright, bitmap))
                {
                    bitmap.Dispose();
                }

                return new Decoded(upright, format, format == SKEncodedImageFormat.Webp && IsLosslessWebp(image));
            }
            catch
            {
                bitmap.Dispose();
                throw;
            }
        }

        public static byte[] Encode(SKBitmap bitmap, Decoded decoded, VisibleLabelOptions options)
        {
            var quality = Math.Min(100, Math.Max(1, options.Quality));
            using var pixels = bitmap.PeekPixels();
            using var data = decoded.Format switch
            {
                SKEncodedImageFormat.Png => pixels.Encode(SKPngEncoderOptions.Default),
                SKEncodedImageFormat.Jpeg => pixels.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
                _ => pixels.Encode(decoded.LosslessWebp
                    ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100)
                    : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality)),
            };
            return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode the labeled image as " + decoded.Format + ".");
        }

        /// <summary>
        /// Whether the file reaches its end: a PNG has its IEND chunk, a JPEG its EOI marker, a WebP the length its RIFF
        /// header declares. The decoder alone accepts some truncated files (a PNG cut after its last pixel data).
        /// </summary>
        private static bool Complete(byte[] image, SKEncodedImageFormat format)
        {
            switch (format)
            {
                case SKEncodedImageFormat.Png:
                    return IndexOf(image, new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }) >= 0;
                case SKEncodedImageFormat.Jpeg:
                    return IndexOf(image, new byte[] { 0xFF, 0xD9 }) >= 0;
                default:
                    return image.Length >= 12 && 8L + BitConverter.ToUInt32(image, 4) <= image.Length;
            }
        }

        private static int IndexOf(byte[] data, byte[] pattern) => data.AsSpan().LastIndexOf(pattern);

        /// <summary>Whether a WebP file's image is VP8L (lossless): its first image chunk, after an optional VP8X header.</summary>
        private static bool IsLosslessWebp(byte[] image)
        {
            var position = 12;
            while (position + 8 <= image.Length)
            {
                var fourCc = System.Text.Encoding.ASCII.GetString(image, position, 4);
                if (fourCc == "VP8L")
                {
                    return true;
                }

                if (fourCc == "VP8 ")
                {
                    return false;
                }

                var size = (long)BitConverter.ToUInt32(image, position + 4);
                position = (int)Math.Min(int.MaxValue, position + 8 + size + (size & 1));
            }

            return false;
        }

        /// <summary>The bitmap turned as its EXIF orientation says (the tag does not survive re-encoding).</summary>
        private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
        {
            if (origin == SKEncodedOrigin.TopLeft || (int)origin == 0)
            {
                return bitmap;
            }

            var swap = origin == SKEncodedOrigin.LeftTop || origin == SKEncodedOrigin.RightTop
                || origin == SKEncodedOrigin.RightBottom || origin == SKEncodedOrigin.LeftBottom;
            var width = swap ? bitmap.Height : bitmap.Width;
            var height = swap ? bitmap.Width : bitmap.Height;
            var alpha = bitmap.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
            var turned = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, alpha, bitmap.ColorSpace));
            using var canvas = new SKCanvas(turned);
            canvas.SetMatrix(Matrix(origin, bitmap.Width, bitmap.Height));
            canvas.DrawBitmap(bitmap, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
            return turned;
        }

        /// <summary>The transform from the stored pixels to the upright image, for each EXIF orientation.</summary>
        private static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h) => origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        /// <summary>A decoded image: its upright pixels and how to encode it back.</summary>
        internal sealed class Decoded : IDisposable
        {
            public Decoded(SKBitmap bitmap, SKEncodedImageFormat format, bool losslessWebp)
            {
                Bitmap = bitmap;
                Format = format;
                LosslessWebp = losslessWebp;
            }

            public SKBitmap Bitmap { get; }

            public SKEncodedImageFormat Format { get; }

            public bool LosslessWebp { get; }

            public void Dispose() => Bitmap.Dispose();
        }
    }
}
