using System.Buffers;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;

namespace FinOps.Domain.Scanning;

/// <summary>
/// HybridCache serialises every value it stores, even immutable ones it keeps by reference in its local level. A scan
/// result (hundreds of MB for a large account) has no wire format, so this writes only the scan id: results live in
/// the local level, and the entry options keep them out of any distributed level. Adding a second level means
/// replacing this with a real serializer.
/// </summary>
public sealed class LocalOnlyResultSerializer : IHybridCacheSerializer<ComplianceResult>
{
    public void Serialize(ComplianceResult value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        Encoding.UTF8.GetBytes(value.ScanId, target);
    }

    public ComplianceResult Deserialize(ReadOnlySequence<byte> source) =>
        throw new NotSupportedException(
            "Scan results are cached in memory only; register a real IHybridCacheSerializer<ComplianceResult> to use a distributed cache level.");
}
