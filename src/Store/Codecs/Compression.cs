using System.IO.Compression;

namespace FinOps.Store.Codecs;

/// <summary>Brotli at a fast level: spend snapshots and scan records are written once and read rarely.</summary>
internal static class Compression
{
    private const int Quality = 4;
    private const int Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        return BrotliEncoder.TryCompress(raw, buffer, out var written, Quality, Window)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("Brotli could not compress a history record.");
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
