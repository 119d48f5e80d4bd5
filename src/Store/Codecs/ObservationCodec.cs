using System.Collections.Immutable;
using System.IO.Hashing;
using FinOps.Domain.Resources;

namespace FinOps.Store.Codecs;

/// <summary>
/// What a scan saw of one resource, as stored: its tags in order, name, creation time (UTC ticks), state and VPC. The
/// ARN, type and region are not repeated: they are the resource's row and its unit. Equal observations encode to equal
/// bytes, so a 64-bit hash of the encoding (XXH3) tells an unchanged resource.
/// </summary>
internal static class ObservationCodec
{
    private const byte FormatVersion = 1;
    private const byte HasName = 1;
    private const byte HasCreatedAt = 2;
    private const byte HasState = 4;
    private const byte HasVpc = 8;

    /// <summary>Encodes <paramref name="resource"/> into <paramref name="writer"/> (reset first).</summary>
    public static void Write(CloudResource resource, PayloadWriter writer)
    {
        writer.Reset();
        writer.Byte(FormatVersion);
        var flags = (byte)((resource.Name is null ? 0 : HasName) | (resource.CreatedAt is null ? 0 : HasCreatedAt)
            | (resource.State is null ? 0 : HasState) | (resource.VpcId is null ? 0 : HasVpc));
        writer.Byte(flags);
        var tags = resource.Tags.IsDefault ? [] : resource.Tags;
        writer.VarUInt((ulong)tags.Length);
        foreach (var tag in tags)
        {
            writer.String(tag.Key);
            writer.String(tag.Value ?? "");
        }

        if (resource.Name is { } name)
        {
            writer.String(name);
        }

        if (resource.CreatedAt is { } created)
        {
            writer.VarInt(created.UtcTicks);
        }

        if (resource.State is { } state)
        {
            writer.String(state);
        }

        if (resource.VpcId is { } vpc)
        {
            writer.String(vpc);
        }
    }

    /// <summary>
    /// The content hash of an encoding: XXH3, 64 bits (a change going unnoticed needs two encodings of one resource to
    /// collide: about 1 in 10¹⁹).
    /// </summary>
    public static long Hash(ReadOnlySpan<byte> payload) => unchecked((long)XxHash3.HashToUInt64(payload));

    /// <summary>
    /// The resource an encoding describes; with <paramref name="strings"/> its tags, state and VPC share instances with
    /// the other resources read through the same table (the name, unique to the resource, is decoded as it is).
    /// </summary>
    public static CloudResource Read(ReadOnlySpan<byte> payload, string arn, string resourceType, string region, StringTable? strings = null)
    {
        var reader = new PayloadReader(payload);
        if (reader.Byte() != FormatVersion)
        {
            throw PayloadReader.Corrupt();
        }

        var flags = reader.Byte();
        var count = reader.Count();
        var tags = ImmutableArray.CreateBuilder<Tag>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.String(strings);
            tags.Add(new Tag(key, reader.String(strings)));
        }

        var name = (flags & HasName) != 0 ? reader.String() : null;
        DateTimeOffset? created = (flags & HasCreatedAt) != 0 ? new DateTimeOffset(reader.VarInt(), TimeSpan.Zero) : null;
        var state = (flags & HasState) != 0 ? reader.String(strings) : null;
        var vpc = (flags & HasVpc) != 0 ? reader.String(strings) : null;
        return new CloudResource(arn, resourceType, region, tags.MoveToImmutable(), name, created, state, vpc);
    }
}
