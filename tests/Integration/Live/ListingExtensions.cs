using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

/// <summary>Collects paged listings in tests.</summary>
public static class ListingExtensions
{
    public static async Task<List<IReadOnlyList<CloudResource>>> PagesAsync(this IAsyncEnumerable<IReadOnlyList<CloudResource>> listing)
    {
        var pages = new List<IReadOnlyList<CloudResource>>();
        await foreach (var page in listing)
        {
            pages.Add(page);
        }

        return pages;
    }

    public static async Task<List<CloudResource>> AllAsync(this IAsyncEnumerable<IReadOnlyList<CloudResource>> listing) =>
        [.. (await listing.PagesAsync()).SelectMany(p => p)];
}
