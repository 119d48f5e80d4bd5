using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>
/// The mix of the sample account: many instances, volumes and snapshots, fewer databases, a handful of Redshift and
/// EMR clusters. Prices are rounded on-demand us-east-1 list prices per month (e.g. m5.large 70.08 USD).
/// </summary>
internal static class SampleTypeProfiles
{
    public static ImmutableArray<SampleTypeProfile> All { get; } =
    [
        // t3.micro … p3.2xlarge
        new("ec2:instance", 1000, [(759, 20), (1518, 15), (3037, 20), (7008, 18), (14016, 10), (24820, 6), (36792, 5), (56064, 3), (73434, 2), (223380, 1)], 5, VpcBound: true, HasNameTag: true),
        // gp3 8 GiB … 2 TiB, io2 with provisioned IOPS
        new("ec2:volume", 1400, [(64, 25), (160, 20), (400, 18), (800, 14), (1600, 10), (4000, 7), (8000, 3), (16000, 2), (38750, 1)], 0, HasNameTag: true),
        new("ec2:snapshot", 800, [(40, 25), (100, 20), (250, 20), (500, 15), (2500, 12), (5000, 8)], 10, HasNameTag: true, DataStore: true),
        new("ec2:elastic-ip", 100, [(365, 1)], 0, HasNameTag: true),
        new("ec2:natgateway", 40, [(3500, 4), (6000, 3), (15000, 2), (40000, 1)], 25, VpcBound: true, HasNameTag: true),
        new("lambda:function", 450, [(0, 10), (5, 20), (50, 25), (400, 25), (2500, 15), (12000, 5)], 60),
        new("ecs:cluster", 30, [(0, 3), (300, 4), (1500, 3)], 30),
        new("ecs:service", 140, [(1800, 25), (3600, 30), (9000, 25), (29000, 15), (72000, 5)], 15, VpcBound: true),
        new("eks:cluster", 12, [(7300, 1)], 0, VpcBound: true),
        new("eks:nodegroup", 30, [(21024, 4), (42048, 3), (84096, 2), (168192, 1)], 10, VpcBound: true),
        new("s3:bucket", 300, [(10, 20), (230, 25), (2300, 25), (11500, 15), (23000, 8), (115000, 5), (460000, 2)], 40, DataStore: true),
        new("elasticfilesystem:file-system", 40, [(300, 4), (3000, 3), (15000, 2), (60000, 1)], 30, VpcBound: true, DataStore: true),
        new("fsx:file-system", 8, [(23000, 3), (65000, 2), (130000, 1)], 10, VpcBound: true),
        // db.t3.micro … db.r5.4xlarge plus storage
        new("rds:db", 110, [(1500, 20), (5500, 30), (13500, 25), (37000, 15), (145000, 10)], 10, VpcBound: true, DataStore: true),
        new("rds:cluster", 25, [(5000, 3), (20000, 4), (60000, 2), (150000, 1)], 20, VpcBound: true, DataStore: true),
        new("dynamodb:table", 170, [(25, 20), (250, 30), (2500, 25), (12000, 15), (45000, 10)], 50, DataStore: true),
        new("elasticache:cluster", 40, [(1240, 3), (4964, 4), (11315, 2), (45260, 1)], 5, VpcBound: true),
        new("redshift:cluster", 5, [(18250, 3), (79000, 2), (570000, 1)], 5, VpcBound: true),
        new("sagemaker:endpoint", 14, [(8500, 3), (27700, 2), (89000, 1)], 10),
        new("sagemaker:notebook-instance", 12, [(3400, 3), (8400, 2), (17000, 1)], 20, VpcBound: true),
        new("elasticloadbalancing:loadbalancer", 100, [(2200, 4), (3500, 3), (8000, 2), (25000, 1)], 30, VpcBound: true),
        new("kinesis:stream", 25, [(1095, 4), (4380, 3), (10950, 2), (43800, 1)], 10),
        new("glue:job", 40, [(300, 4), (2640, 3), (13200, 2), (44000, 1)], 50),
        new("opensearch:domain", 12, [(2628, 3), (12000, 3), (60000, 2), (210000, 1)], 5, VpcBound: true),
        new("emr:cluster", 8, [(15000, 3), (60000, 2), (250000, 1)], 30, VpcBound: true),
        new("secretsmanager:secret", 140, [(40, 8), (45, 2)], 20),
        new("kms:key", 90, [(100, 9), (130, 1)], 10),
        new("apigateway:restapi", 50, [(0, 2), (35, 3), (350, 3), (3500, 2), (17500, 1)], 50),
        new("cloudfront:distribution", 30, [(85, 3), (2500, 3), (12000, 2), (85000, 1), (300000, 1)], 40),
        new("route53:hostedzone", 25, [(50, 5), (90, 3), (400, 2), (1200, 1)], 20),
        new("stepfunctions:statemachine", 35, [(0, 2), (25, 3), (250, 3), (2500, 1)], 50),
        new("codebuild:project", 30, [(0, 2), (150, 3), (1200, 3), (6000, 1)], 40),
        new("ec2:vpc", 30, [], 0, HasNameTag: true),
        new("ec2:subnet", 80, [], 0, VpcBound: true, HasNameTag: true),
        new("ec2:security-group", 200, [], 0, VpcBound: true, HasNameTag: true),
        new("sqs:queue", 100, [], 0),
        new("sns:topic", 60, [], 0),
        new("logs:log-group", 150, [], 0),
        new("cloudwatch:alarm", 100, [], 0),
        new("ecr:repository", 40, [], 0),
        new("iam:role", 80, [], 0),
        new("iam:user", 30, [], 0),
        new("iam:policy", 60, [], 0),
    ];

    private static readonly FrozenDictionary<string, SampleTypeProfile> ByType =
        All.ToFrozenDictionary(p => p.Type, StringComparer.Ordinal);

    public static SampleTypeProfile Get(string type) => ByType[type];
}
