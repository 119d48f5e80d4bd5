using System.Collections.Immutable;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;

namespace FinOps.Store.Codecs;

/// <summary>The parts of a scan record no query filters on, stored together as compressed JSON (see <see cref="RecordContextCodec"/>).</summary>
internal sealed record RecordContext(
    AccountDescription Account,
    ImmutableArray<string> Regions,
    ImmutableArray<string> ResourceTypes,
    ImmutableArray<string> Notes,
    RegionDiscoveryResult Discovery,
    ImmutableArray<string> ScannableRegions,
    ImmutableArray<string> SkippedRegions,
    ImmutableArray<TypeCoverage> Coverage);
