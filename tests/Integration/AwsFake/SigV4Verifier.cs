using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// Recomputes a request's AWS Signature Version 4 with the known test secret, the way AWS does, and says whether
/// the signature the client sent matches. The credential scope also tells the fake which region and service a
/// request is for.
/// </summary>
public sealed partial class SigV4Verifier(string accessKeyId, string secretAccessKey)
{
    public SigV4Result Verify(HttpRequest request, string rawTarget, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return SigV4Result.Rejected("MissingAuthenticationToken", "Request is missing a SigV4 Authorization header.");
        }

        var (keyId, date, region, service) = (match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        var sent = match.Groups["signature"].Value;
        var amzDate = request.Headers["x-amz-date"].ToString();
        var partial = new SigV4Result(false, region, service, sent, amzDate, null, null);
        if (keyId != accessKeyId)
        {
            return partial with { ErrorCode = "InvalidClientTokenId", ErrorMessage = "The security token included in the request is invalid." };
        }

        if (!amzDate.StartsWith(date, StringComparison.Ordinal) || !signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return partial with { ErrorCode = "IncompleteSignature", ErrorMessage = "Host and X-Amz-Date must be signed and dated for the scope." };
        }

        var bodyHash = Hex(SHA256.HashData(body));
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0)
        {
            payloadHash = bodyHash;
        }
        else if (payloadHash != "UNSIGNED-PAYLOAD" && payloadHash != bodyHash)
        {
            return partial with { ErrorCode = "XAmzContentSHA256Mismatch", ErrorMessage = "The provided 'x-amz-content-sha256' header does not match what was computed." };
        }

        var (path, query) = SplitTarget(rawTarget);
        var canonicalRequest = string.Join('\n',
            request.Method,
            service == "s3" ? path : EncodePath(path),
            CanonicalQuery(query),
            string.Concat(signedHeaders.Select(h => $"{h}:{CanonicalHeaderValue(request, h)}\n")),
            string.Join(';', signedHeaders),
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date), region), service), "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sent))
            ? partial with { Verified = true }
            : partial with
            {
                ErrorCode = "SignatureDoesNotMatch",
                ErrorMessage = "The request signature we calculated does not match the signature you provided.",
            };
    }

    private static (string Path, string Query) SplitTarget(string rawTarget)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (rawTarget, "") : (rawTarget[..q], rawTarget[(q + 1)..]);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? p : p[..eq];
            var value = eq < 0 ? "" : p[(eq + 1)..];
            return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
        });
        return string.Join('&', pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Non-S3 services sign the path encoded twice (each segment once more than it was sent).</summary>
    private static string EncodePath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Encode));

    private static string CanonicalHeaderValue(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return string.Join(',', values.Select(v => SpaceRun().Replace((v ?? "").Trim(), " ")));
    }

    /// <summary>RFC 3986 encoding: everything but unreserved characters, upper-case hex.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request,\s*SignedHeaders=(?<headers>[^,]+),\s*Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" {2,}")]
    private static partial Regex SpaceRun();
}
