using System.Globalization;
using System.Xml.Linq;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>S3's REST/XML protocol, path style: <c>GET /</c>, <c>GET /bucket?tagging</c>, <c>GET /bucket?location</c>.</summary>
public static class S3RestProtocol
{
    private static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>The operation a path-style request asks for.</summary>
    public static string OperationOf(string method, string path, IEnumerable<string> queryKeys)
    {
        var keys = queryKeys.ToHashSet(StringComparer.Ordinal);
        var bucket = path.Trim('/');
        return (method, bucket.Length == 0) switch
        {
            ("GET", true) => "ListBuckets",
            ("GET", false) when keys.Contains("tagging") => "GetBucketTagging",
            ("GET", false) when keys.Contains("location") => "GetBucketLocation",
            _ => $"Unsupported {method} {path}",
        };
    }

    public static FakeResponse Handle(FakeAccount account, PageTokens tokens, FakeCall call)
    {
        switch (call.Operation)
        {
            case "ListBuckets":
                var requested = int.TryParse(call.Param("max-buckets"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max)
                    ? max
                    : int.MaxValue;
                var (page, next) = tokens.Page("s3/ListBuckets", account.Buckets, Math.Min(requested, account.PageSize), call.Param("continuation-token"));
                return Ok(new XElement(Ns + "ListAllMyBucketsResult",
                    new XElement(Ns + "Owner", new XElement(Ns + "ID", "fake-canonical-user-id"), new XElement(Ns + "DisplayName", "finops")),
                    new XElement(Ns + "Buckets", page.Select(b => new XElement(Ns + "Bucket",
                        new XElement(Ns + "Name", b.Name),
                        new XElement(Ns + "CreationDate", b.Created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
                        b.ReportRegion ? new XElement(Ns + "BucketRegion", b.Region) : null))),
                    next is null ? null : new XElement(Ns + "ContinuationToken", next)));
            case "GetBucketTagging":
                var bucket = Find(account, call);
                if (bucket.Region != call.Region)
                {
                    // Real S3 refuses requests signed for another region than the bucket's.
                    throw new FakeAwsException("WrongRegion", $"The bucket {bucket.Name} is in {bucket.Region}; the request was signed for {call.Region}.", 400);
                }

                return bucket.Tags is null
                    ? throw new FakeAwsException("NoSuchTagSet", "The TagSet does not exist", 404)
                    : Ok(new XElement(Ns + "Tagging", new XElement(Ns + "TagSet",
                        bucket.Tags.Select(t => new XElement(Ns + "Tag", new XElement(Ns + "Key", t.Key), new XElement(Ns + "Value", t.Value))))));
            case "GetBucketLocation":
                var located = Find(account, call);
                return Ok(new XElement(Ns + "LocationConstraint", located.Region == "us-east-1" ? "" : located.Region));
            default:
                throw new FakeAwsException("NotImplemented", $"The fake does not serve {call.Operation}.", 501);
        }
    }

    public static FakeResponse Error(FakeAwsException error) => new(error.Status, "application/xml",
        new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            new XElement("RequestId", Guid.NewGuid().ToString("N"))).ToString(SaveOptions.DisableFormatting));

    private static FakeBucket Find(FakeAccount account, FakeCall call)
    {
        var name = call.Path.Value!.Trim('/');
        return account.Buckets.FirstOrDefault(b => b.Name == name)
               ?? throw new FakeAwsException("NoSuchBucket", "The specified bucket does not exist", 404);
    }

    private static FakeResponse Ok(XElement body) => new(200, "application/xml", body.ToString(SaveOptions.DisableFormatting));
}
