using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// Real opaque pagination tokens: random strings (with the '+', '/' and '=' that break sloppy encoding) mapped to a
/// position in one listing. A token that was never issued, or is replayed for another listing, is rejected.
/// </summary>
public sealed class PageTokens
{
    private readonly ConcurrentDictionary<string, (string Listing, int Offset)> _issued = new(StringComparer.Ordinal);

    /// <summary>Every token handed out, in order.</summary>
    public ConcurrentQueue<string> Issued { get; } = new();

    /// <summary>Every token a client sent back, in order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>One page of <paramref name="items"/>, and the token of the next page (null on the last page).</summary>
    public (List<T> Page, string? Next) Page<T>(string listing, IReadOnlyList<T> items, int pageSize, string? token)
    {
        ArgumentNullException.ThrowIfNull(items);
        var offset = 0;
        if (!string.IsNullOrEmpty(token))
        {
            Received.Enqueue(token);
            if (!_issued.TryGetValue(token, out var position) || position.Listing != listing)
            {
                throw new FakeAwsException(FakeAwsException.BadToken, $"The pagination token '{token}' is invalid for this request.");
            }

            offset = position.Offset;
        }

        var page = items.Skip(offset).Take(Math.Max(1, pageSize)).ToList();
        var nextOffset = offset + page.Count;
        return (page, nextOffset < items.Count ? Issue(listing, nextOffset) : null);
    }

    private string Issue(string listing, int offset)
    {
        var token = "pg+" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) + "/=";
        _issued[token] = (listing, offset);
        Issued.Enqueue(token);
        return token;
    }
}
