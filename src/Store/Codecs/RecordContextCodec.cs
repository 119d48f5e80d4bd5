using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinOps.Domain.History;

namespace FinOps.Store.Codecs;

/// <summary>
/// Writes and reads a record's <see cref="RecordContext"/>: JSON (enums by name, so a reordered enum cannot change
/// what old rows mean), Brotli-compressed.
/// </summary>
internal static class RecordContextCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Encode(ScanRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = new RecordContext(
            record.Account,
            OrEmpty(record.Regions),
            OrEmpty(record.ResourceTypes),
            OrEmpty(record.Notes),
            record.Discovery with
            {
                Regions = OrEmpty(record.Discovery.Regions),
                EnabledRegions = OrEmpty(record.Discovery.EnabledRegions),
            },
            OrEmpty(record.ScannableRegions),
            OrEmpty(record.SkippedRegions),
            OrEmpty(record.Coverage));
        return Compression.Compress(JsonSerializer.SerializeToUtf8Bytes(context, Json));
    }

    public static RecordContext Decode(byte[] stored) =>
        JsonSerializer.Deserialize<RecordContext>(Compression.Decompress(stored), Json) ?? throw PayloadReader.Corrupt();

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
