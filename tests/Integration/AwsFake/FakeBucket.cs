namespace FinOps.Tests.Integration.AwsFake;

/// <summary>An S3 bucket. <paramref name="Tags"/> null answers GetBucketTagging with NoSuchTagSet; <paramref name="ReportRegion"/>
/// false leaves BucketRegion out of ListBuckets (older endpoints), so the client must ask GetBucketLocation.</summary>
public sealed record FakeBucket(string Name, string Region, IReadOnlyList<FakeTag>? Tags, DateTime Created, bool ReportRegion = true);
