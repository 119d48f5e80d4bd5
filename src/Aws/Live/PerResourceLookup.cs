using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>
/// Runs one lookup per listed item (a bucket's tags, a table's or key's details) a few at a time, keeping the
/// listing's order; a lookup answering null leaves its item out. The first failure fails the page.
/// </summary>
internal static class PerResourceLookup
{
    public static async Task<IReadOnlyList<CloudResource>> RunAsync<T>(IReadOnlyList<T> items, int concurrency,
        Func<T, CancellationToken, Task<CloudResource?>> lookup, CancellationToken cancellationToken)
    {
        var resources = new CloudResource?[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel,
            async (i, ct) => resources[i] = await lookup(items[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. resources.OfType<CloudResource>()];
    }
}
