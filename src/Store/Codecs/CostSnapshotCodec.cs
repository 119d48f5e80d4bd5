using System.Collections.Immutable;
using System.Security.Cryptography;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;

namespace FinOps.Store.Codecs;

/// <summary>
/// A spend snapshot as stored: period, metric, as-of (UTC ticks), source, the SERVICE × REGION lines, measured cost per
/// ARN (sorted, so equal content encodes to equal bytes) and untagged spend per key (per region or account-wide), all
/// in cents; hashed uncompressed, stored Brotli-compressed.
/// </summary>
internal static class CostSnapshotCodec
{
    private const byte FormatVersion = 2;

    /// <summary>The uncompressed encoding and its SHA-256.</summary>
    public static (byte[] Raw, byte[] Hash) Encode(CostSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var writer = new PayloadWriter(4096);
        writer.Byte(FormatVersion);
        writer.VarInt(snapshot.Period.Start.DayNumber);
        writer.VarInt(snapshot.Period.End.DayNumber);
        writer.Byte((byte)snapshot.Period.Kind);
        writer.Byte((byte)snapshot.Metric);
        writer.VarInt(snapshot.AsOf.UtcTicks);
        writer.String(snapshot.SourceLabel);

        var lines = snapshot.Lines.IsDefault ? [] : snapshot.Lines;
        writer.VarUInt((ulong)lines.Length);
        foreach (var line in lines)
        {
            writer.String(line.Service);
            writer.String(line.Region);
            writer.VarInt(line.AmountCents);
        }

        var measured = snapshot.MeasuredResourceCosts.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        writer.VarUInt((ulong)measured.Count);
        foreach (var (arn, cents) in measured)
        {
            writer.String(arn);
            writer.VarInt(cents);
        }

        var untagged = snapshot.UntaggedByTagKey.IsDefault ? [] : snapshot.UntaggedByTagKey;
        writer.VarUInt((ulong)untagged.Length);
        foreach (var spend in untagged)
        {
            writer.String(spend.TagKey);
            writer.Byte(spend.Scope.CoversEveryTaggableService ? (byte)1 : (byte)0);
            writer.VarUInt((ulong)spend.Scope.ResourceTypes.Length);
            foreach (var type in spend.Scope.ResourceTypes)
            {
                writer.String(type);
            }

            if (spend.CentsByRegion is { } byRegion)
            {
                writer.Byte(1);
                writer.VarUInt((ulong)byRegion.Count);
                foreach (var (region, cents) in byRegion)
                {
                    writer.String(region);
                    writer.VarInt(cents);
                }
            }
            else
            {
                writer.Byte(0);
                writer.VarInt(spend.AccountCents);
            }
        }

        var raw = writer.Written.ToArray();
        return (raw, SHA256.HashData(raw));
    }

    public static CostSnapshot Decode(ReadOnlySpan<byte> raw)
    {
        var reader = new PayloadReader(raw);
        if (reader.Byte() != FormatVersion)
        {
            throw PayloadReader.Corrupt();
        }

        var start = DateOnly.FromDayNumber((int)reader.VarInt());
        var end = DateOnly.FromDayNumber((int)reader.VarInt());
        var period = new BillingPeriod(start, end, (BillingPeriodKind)reader.Byte());
        var metric = (CostMetric)reader.Byte();
        var asOf = new DateTimeOffset(reader.VarInt(), TimeSpan.Zero);
        var source = reader.String();

        var lineCount = reader.Count();
        var lines = ImmutableArray.CreateBuilder<CostLine>(lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            var service = reader.String();
            var region = reader.String();
            lines.Add(new CostLine(service, region, reader.VarInt()));
        }

        var measuredCount = reader.Count();
        var measured = new Dictionary<string, long>(measuredCount, StringComparer.Ordinal);
        for (var i = 0; i < measuredCount; i++)
        {
            var arn = reader.String();
            measured[arn] = reader.VarInt();
        }

        var untaggedCount = reader.Count();
        var untagged = ImmutableArray.CreateBuilder<UntaggedSpend>(untaggedCount);
        for (var i = 0; i < untaggedCount; i++)
        {
            var key = reader.String();
            var everyService = reader.Byte() == 1;
            var typeCount = reader.Count();
            var types = new List<string>(typeCount);
            for (var t = 0; t < typeCount; t++)
            {
                types.Add(reader.String());
            }

            // A type a later catalogue no longer knows is left out rather than making the whole snapshot unreadable.
            var scope = everyService
                ? UntaggedSpendScope.EveryTaggableService(key)
                : UntaggedSpendScope.ForTypes(key, types.Where(t => ResourceCatalogue.TryGet(t, out _)));
            if (reader.Byte() == 1)
            {
                var regions = reader.Count();
                var amounts = new List<(string, long)>(regions);
                for (var r = 0; r < regions; r++)
                {
                    var region = reader.String();
                    amounts.Add((region, reader.VarInt()));
                }

                untagged.Add(UntaggedSpend.PerRegion(scope, amounts));
            }
            else
            {
                untagged.Add(UntaggedSpend.AccountWide(scope, reader.VarInt()));
            }
        }

        return new CostSnapshot(period, metric, lines.MoveToImmutable(), measured, untagged.MoveToImmutable(), asOf, source);
    }
}
