namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// A small fake account: six regions (one opted in, two not opted in), EC2 listings that span several pages
/// (with terminated and never-tagged instances, a public snapshot of another account, a deleted NAT gateway),
/// Tagging-API resources including global ones, buckets in several regions (one without tags, one whose region
/// ListBuckets does not report), DynamoDB tables, KMS keys (one AWS-managed) and two months of Cost Explorer spend.
/// </summary>
public static class FakeAccountSeed
{
    public const string Account = "123456789012";

    public static FakeAccount Create()
    {
        var account = new FakeAccount { AccountId = Account, PageSize = 2 };
        account.Regions.AddRange(
        [
            ("af-south-1", "opted-in"),
            ("ap-east-1", "not-opted-in"),
            ("eu-west-1", "opt-in-not-required"),
            ("me-south-1", "not-opted-in"),
            ("us-east-1", "opt-in-not-required"),
            ("us-west-2", "opt-in-not-required"),
        ]);

        var created = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc);
        var east = account.In("us-east-1");
        east.Ec2.AddRange(
        [
            new("instance", "i-0000000000000001", [T("Name", "web-1"), T("Environment", "production"), T("Owner", "alice@example.com")], "running", "vpc-0e1", created),
            new("instance", "i-0000000000000002", null, "stopped", "vpc-0e1", created),
            new("instance", "i-0000000000000003", [T("Name", "old")], "terminated", "vpc-0e1", created),
            new("instance", "i-0000000000000004", [T("Name", "leaving")], "shutting-down", "vpc-0e1", created),
            new("instance", "i-0000000000000005", [], "pending", "vpc-0e1", created),
            new("instance", "i-0000000000000006", [T("Environment", "Prod")], "running", "vpc-0e1", created),
            new("volume", "vol-0000000000000001", [T("Name", "web-1-root")], "in-use", Created: created),
            new("volume", "vol-0000000000000002", null, "available", Created: created),
            new("volume", "vol-0000000000000003", [T("Environment", "staging")], "in-use", Created: created),
            new("snapshot", "snap-0000000000000001", [T("Name", "nightly")], "completed", Created: created),
            new("snapshot", "snap-0000000000000002", null, "completed", Created: created),
            new("snapshot", "snap-0000000000000003", [], "pending", Created: created),
            new("snapshot", "snap-00000000000000ff", [T("Name", "ubuntu-public")], "completed", Created: created, Extra: "099720109477"),
            new("address", "eipalloc-0000000001", [T("Name", "nat-ip")], "associated", Extra: "203.0.113.10"),
            new("address", "eipalloc-0000000002", null, "unassociated", Extra: "203.0.113.11"),
            new("natgateway", "nat-0000000000000001", [T("Name", "egress")], "available", "vpc-0e1", created),
            new("natgateway", "nat-0000000000000002", [T("Name", "gone")], "deleted", "vpc-0e1", created),
            new("vpc", "vpc-0e1", [T("Name", "main")], "available", "vpc-0e1"),
            new("subnet", "subnet-0000000001", [T("Name", "public-a")], "available", "vpc-0e1"),
            new("subnet", "subnet-0000000002", null, "available", "vpc-0e1"),
            new("security-group", "sg-0000000001", null, VpcId: "vpc-0e1", Extra: "default"),
            new("security-group", "sg-0000000002", [T("Name", "web")], VpcId: "vpc-0e1", Extra: "web-sg"),
        ]);
        east.Tagged.AddRange(
        [
            Lambda("us-east-1", "checkout", T("Environment", "production"), T("Owner", "bob@example.com")),
            Lambda("us-east-1", "thumbnails", T("Environment", "dev")),
            Lambda("us-east-1", "reports", T("Name", "Nightly reports")),
            new("rds:db", $"arn:aws:rds:us-east-1:{Account}:db:orders-db", [T("Environment", "production")]),
            new("sns", $"arn:aws:sns:us-east-1:{Account}:alerts", [T("Owner", "ops@example.com")]),
            new("cloudfront:distribution", $"arn:aws:cloudfront::{Account}:distribution/E1FAKEDIST", [T("Environment", "production")]),
            new("route53:hostedzone", $"arn:aws:route53:::hostedzone/Z0FAKEZONE", []),
            new("iam:role", $"arn:aws:iam::{Account}:role/app-role", [T("Owner", "alice@example.com")]),
            new("iam:role", $"arn:aws:iam::{Account}:role/ci-role", [T("Owner", "ci@example.com")]),
            new("iam:role", $"arn:aws:iam::{Account}:role/batch-role", []),
        ]);
        east.Tables.AddRange(
        [
            new("orders", [T("Environment", "production"), T("Owner", "alice@example.com"), T("CostCenter", "CC-100")]),
            new("sessions", []),
            new("audit", [T("Name", "Audit trail")]),
        ]);
        east.Keys.AddRange(
        [
            new("1111aaaa-0000-0000-0000-000000000001", "CUSTOMER", [T("Environment", "production"), T("Owner", "sec@example.com"), T("CostCenter", "CC-9")],
                ["alias/payments-legacy", "alias/payments"]),
            new("2222bbbb-0000-0000-0000-000000000002", "CUSTOMER", [], [], "PendingDeletion"),
            new("3333cccc-0000-0000-0000-000000000003", "AWS", [], ["alias/aws/s3"]),
        ]);

        var ireland = account.In("eu-west-1");
        ireland.Ec2.AddRange(
        [
            new("instance", "i-00000000000000e1", [T("Name", "api-eu"), T("Environment", "production")], "running", "vpc-0e2", created),
            new("instance", "i-00000000000000e2", null, "running", "vpc-0e2", created),
            new("instance", "i-00000000000000e3", [T("Environment", "staging")], "stopped", "vpc-0e2", created),
            new("volume", "vol-00000000000000e1", [T("Name", "api-eu-root")], "in-use", Created: created),
        ]);
        ireland.Tagged.Add(Lambda("eu-west-1", "eu-worker", T("Environment", "production")));
        ireland.Tables.Add(new("eu-orders", [T("Environment", "production")]));

        account.In("us-west-2");
        account.In("af-south-1").Ec2.Add(new("instance", "i-00000000000000a1", [T("Name", "cape-town")], "running", "vpc-0a1", created));

        account.Buckets.AddRange(
        [
            new("finops-logs", "us-east-1", [T("Environment", "production"), T("Owner", "ops@example.com")], created),
            new("finops-eu-data", "eu-west-1", null, created),
            new("finops-oregon", "us-west-2", [T("Name", "Oregon archive")], created),
            new("finops-cape", "af-south-1", [T("Environment", "dev")], created, ReportRegion: false),
            new("finops-empty-tags", "eu-west-1", [], created),
        ]);

        var september = new DateOnly(2026, 9, 1);
        var october = new DateOnly(2026, 10, 1);
        foreach (var month in new[] { september, october })
        {
            account.ServiceRegionCosts.AddRange(
            [
                new(month, Compute, "us-east-1", 120.505m),
                new(month, Compute, "eu-west-1", 40.10m),
                new(month, "EC2 - Other", "us-east-1", 12.0049m),
                new(month, S3, "us-east-1", 3.333m),
                new(month, "AWS Lambda", "eu-west-1", 0.0001m),
                new(month, "Tax", "NoRegion", 17.25m),
                new(month, "AWS Support (Business)", "", 100m),
            ]);
            // Per key, the values of one (service, region) never add up to more than its line; tax carries no tag, so
            // Cost Explorer puts it in the untagged bucket unless a SERVICE filter leaves it out.
            account.TagCosts.AddRange(
            [
                new(month, "Environment", "", "us-east-1", 30.505m, Compute),
                new(month, "Environment", "", "eu-west-1", 20.05m, Compute),
                new(month, "Environment", "", "NoRegion", 5m, "Tax"),
                new(month, "Environment", "production", "us-east-1", 80m, Compute),
                new(month, "Environment", "dev", "eu-west-1", 4.5m, Compute),
                new(month, "Owner", "", "us-east-1", 10m, "EC2 - Other"),
                new(month, "Owner", "", "us-east-1", 2.5m, S3),
                new(month, "Owner", "", "eu-west-1", 7.5m, Compute),
                new(month, "Owner", "alice@example.com", "us-east-1", 60m, Compute),
                new(month, "Owner", "alice@example.com", "eu-west-1", 32.6m, Compute),
                new(month, "DataClassification", "", "us-east-1", 50m, Compute),
                new(month, "DataClassification", "", "us-east-1", 1.333m, S3),
                new(month, "DataClassification", "", "us-east-1", 2m, "EC2 - Other"),
                new(month, "DataClassification", "", "NoRegion", 17.25m, "Tax"),
                new(month, "DataClassification", "", "", 100m, "AWS Support (Business)"),
                new(month, "DataClassification", "confidential", "us-east-1", 2m, S3),
            ]);
        }

        return account;
    }

    private const string Compute = "Amazon Elastic Compute Cloud - Compute";
    private const string S3 = "Amazon Simple Storage Service";

    private static FakeTag T(string key, string value) => new(key, value);

    private static FakeTaggedResource Lambda(string region, string name, params FakeTag[] tags) =>
        new("lambda:function", $"arn:aws:lambda:{region}:{Account}:function:{name}", tags);
}
