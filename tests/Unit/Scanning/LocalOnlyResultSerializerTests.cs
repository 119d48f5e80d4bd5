using System.Buffers;
using System.Text;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Unit.Scanning;

public sealed class LocalOnlyResultSerializerTests
{
    [Fact]
    public void Caching_a_result_writes_only_its_scan_id_never_the_resources()
    {
        var buffer = new ArrayBufferWriter<byte>();

        new LocalOnlyResultSerializer().Serialize(ReportFixture.Result, buffer);

        Assert.Equal(ReportFixture.Result.ScanId, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Reading_a_result_back_from_bytes_says_results_are_memory_only()
    {
        var ex = Assert.Throws<NotSupportedException>(() => new LocalOnlyResultSerializer().Deserialize(ReadOnlySequence<byte>.Empty));

        Assert.Contains("memory only", ex.Message);
    }

    [Fact]
    public void Scanning_registration_gives_hybrid_cache_the_local_only_serializer()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFinOpsScanning(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();

        Assert.IsType<LocalOnlyResultSerializer>(provider.GetRequiredService<IHybridCacheSerializer<ComplianceResult>>());
    }
}
