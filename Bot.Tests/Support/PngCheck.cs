using SkiaSharp;

namespace CampaignBot.Tests.Support;

/// <summary>What a chart picture must be: a PNG that decodes, of the expected size, and not a blank or single-colour image.</summary>
public static class PngCheck
{
    public static (int Width, int Height, int Colours) Inspect(byte[] png)
    {
        Assert.True(png.Length > 8 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG signature");
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        return (bitmap.Width, bitmap.Height, colours.Count);
    }
}
