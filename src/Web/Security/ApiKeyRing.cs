using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// The configured API keys as SHA-256 hashes. A presented key is hashed and compared with every configured hash in
/// constant time (no early exit), so neither the comparison nor the position of a match leaks through timing.
/// </summary>
public sealed class ApiKeyRing
{
    /// <summary>Longer values are refused before hashing (a key is a few dozen characters).</summary>
    public const int MaxKeyLength = 512;

    private readonly ImmutableArray<(ApiKeySettings Key, byte[] Hash)> _keys;

    public ApiKeyRing(IOptions<FinOpsAuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.ApiKeys
            .Select(k => (Key: k, Ok: TryParseHash(k.Sha256, out var hash), Hash: hash))
            .Where(k => k.Ok)
            .Select(k => (k.Key, k.Hash!))];
    }

    /// <summary>True when at least one key is configured.</summary>
    public bool Any => !_keys.IsEmpty;

    /// <summary>The configured key whose hash matches <paramref name="presented"/>, if any.</summary>
    public bool TryMatch(string presented, [NotNullWhen(true)] out ApiKeySettings? key)
    {
        key = null;
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        foreach (var (candidate, expected) in _keys)
        {
            // Every key is compared even after a match.
            if (CryptographicOperations.FixedTimeEquals(hash, expected) && key is null)
            {
                key = candidate;
            }
        }

        return key is not null;
    }

    /// <summary>Parses 64 hex digits (either case, surrounding spaces allowed).</summary>
    public static bool TryParseHash(string? hex, [NotNullWhen(true)] out byte[]? hash)
    {
        hash = null;
        var text = hex?.Trim();
        if (text is not { Length: SHA256.HashSizeInBytes * 2 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(text);
        return true;
    }

    /// <summary>The hex SHA-256 of a key, as configured in <c>ApiKeys:n:Sha256</c>.</summary>
    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
