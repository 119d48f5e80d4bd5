using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// Builds the sample account from a seed and a size. The same (seed, size) always gives the same account, byte for
/// byte: every (type, region) draws from its own <see cref="SampleRandom"/> stream and counts are apportioned by
/// largest remainder. One instance builds one account; it is not thread-safe and not reused.
/// </summary>
internal sealed class SampleAccountGenerator
{
    /// <summary>The moment the sample account is described at; creation dates lie before it.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Account = SampleAccount.AccountId;
    private const int OtherLinesStream = 1_000_001;
    private const int WorkloadStream = 1_000_002;

    private static readonly string[] InstanceRoles = ["web", "api", "worker", "batch", "bastion", "db", "cache", "build", "ingest", "app"];
    private static readonly string[] FunctionVerbs = ["process-orders", "resize-images", "sync-users", "send-emails", "rotate-keys", "ingest-events", "nightly-report", "cleanup", "webhook", "authorizer"];
    private static readonly string[] BucketPurposes = ["assets", "logs", "backups", "uploads", "exports", "artifacts", "raw", "curated", "static-site", "terraform-state"];
    private static readonly string[] TableNames = ["orders", "sessions", "users", "events", "carts", "ledger", "audit", "config", "jobs", "tokens"];
    private static readonly string[] Zones = ["a", "b", "c"];
    private static readonly string[] UserNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"];
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly int _seed;
    private readonly int _size;
    private readonly ulong _idSalt;
    private readonly ImmutableArray<SampleWorkload> _workloads;
    private readonly HashSet<ImmutableArray<Tag>> _tagSets = new(TagSetComparer.Instance);
    private readonly Dictionary<(string Region, string Type), CloudResource[]> _listings = [];
    private readonly Dictionary<(string Region, string Type), byte[]> _workloadOf = [];
    private readonly Dictionary<SampleWorkload, byte> _workloadIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<(string Id, SampleWorkload Workload)>> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Region, string Type), List<string>> _parents = [];
    private readonly List<CloudResource> _costed = [];
    private readonly List<long> _cents = [];
    private readonly List<int> _lineOf = [];
    private readonly Dictionary<(string Service, string Region), int> _lineIndex = [];
    private readonly List<Tag> _scratch = new(16);
    private ulong _serial;

    private SampleAccountGenerator(int seed, int size)
    {
        _seed = seed;
        _size = size;
        _idSalt = SampleRandom.Mix((ulong)seed + 0x5EED);
        _workloads = CreateWorkloads(SampleRandom.For(seed, WorkloadStream));
        for (var w = 0; w < _workloads.Length; w++)
        {
            _workloadIndex.Add(_workloads[w], checked((byte)w));
        }
    }

    /// <summary>Generates the account for a seed and (approximate) resource count.</summary>
    public static SampleAccountData Generate(int seed, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new SampleAccountGenerator(seed, size).Build();
    }

    /// <summary>
    /// Generates the account and keeps the generator, so later simulated days can add resources drawn the way the
    /// first ones were (ids continue the same series, names and tags follow the same habits).
    /// </summary>
    public static (SampleAccountGenerator Generator, SampleAccountData Data) GenerateEvolving(int seed, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var generator = new SampleAccountGenerator(seed, size);
        return (generator, generator.Build());
    }

    /// <summary>
    /// Creates one more resource of a type in a listing (a resource added after day 0), with its workload and, when
    /// the type generates cost, its monthly cost and the index of the line it is billed under.
    /// </summary>
    public (CloudResource Resource, byte Workload, long? MonthlyCents, int Line) CreateLater(
        string region, string type, int index, SampleRandom rng)
    {
        var profile = SampleTypeProfiles.All.First(p => p.Type == type);
        var costedBefore = _costed.Count;
        var resource = Create(ResourceCatalogue.Get(type), profile, region, index, rng, out var workload);
        return _costed.Count > costedBefore
            ? (resource, workload, _cents[^1], _lineOf[^1])
            : (resource, workload, null, -1);
    }

    /// <summary>The SERVICE × REGION lines known so far, by index (grows as resources are added).</summary>
    public ImmutableArray<(string Service, string Region)> CurrentLineKeys()
    {
        var lineKeys = new (string, string)[_lineIndex.Count];
        foreach (var (key, index) in _lineIndex)
        {
            lineKeys[index] = key;
        }

        return [.. lineKeys];
    }

    /// <summary>The workload with the given index.</summary>
    public SampleWorkload Workload(byte index) => _workloads[index];

    private SampleAccountData Build()
    {
        var profiles = SampleTypeProfiles.All;
        var typeCounts = Apportion(_size, [.. profiles.Select(p => p.Weight)]);
        var enabled = SampleRegions.Enabled.Select(r => r.Name).ToArray();

        // VPCs first: VPC-bound resources are placed in them and mostly share their workload's tags.
        var vpcIndex = IndexOf(profiles, "ec2:vpc");
        Generate(vpcIndex, profiles[vpcIndex], typeCounts[vpcIndex], enabled);
        for (var t = 0; t < profiles.Length; t++)
        {
            if (t != vpcIndex)
            {
                Generate(t, profiles[t], typeCounts[t], enabled);
            }
        }

        var lineKeys = new (string, string)[_lineIndex.Count];
        foreach (var (key, index) in _lineIndex)
        {
            lineKeys[index] = key;
        }

        return new SampleAccountData(_listings, [.. _costed], [.. _cents], [.. _lineOf], [.. lineKeys], OtherLines(),
            _workloads, _workloadOf);
    }

    private void Generate(int typeIndex, SampleTypeProfile profile, int count, string[] enabled)
    {
        var type = ResourceCatalogue.Get(profile.Type);
        if (type.IsGlobal && type.Name != "s3:bucket")
        {
            var rng = SampleRandom.For(_seed, typeIndex, -1);
            var list = new CloudResource[count];
            var workloads = new byte[count];
            for (var i = 0; i < count; i++)
            {
                list[i] = Create(type, profile, ResourceCatalogue.GlobalRegion, i, rng, out workloads[i]);
            }

            Store(ResourceCatalogue.GlobalRegion, type.Name, list, workloads);
            return;
        }

        // Each type spreads over the regions a little differently; the account's weights are only the trend.
        var jitter = SampleRandom.For(_seed, typeIndex, -2);
        var weights = enabled.Select(r => SampleRegions.WeightOf(r) * (int)jitter.Between(70, 130)).ToArray();
        var perRegion = Apportion(count, weights);
        var buckets = new List<CloudResource>();
        var bucketWorkloads = new List<byte>();
        for (var r = 0; r < enabled.Length; r++)
        {
            var region = enabled[r];
            var rng = SampleRandom.For(_seed, typeIndex, r);
            var n = perRegion[r];
            if (_size > 0 && type.Name is "ec2:vpc" or "ec2:security-group")
            {
                n++; // every enabled region has its default VPC and default security group
            }

            var list = new CloudResource[n];
            var workloads = new byte[n];
            for (var i = 0; i < n; i++)
            {
                list[i] = Create(type, profile, region, i, rng, out workloads[i]);
            }

            if (type.IsGlobal)
            {
                buckets.AddRange(list); // S3: listed once per account, each bucket in its home region
                bucketWorkloads.AddRange(workloads);
            }
            else
            {
                Store(region, type.Name, list, workloads);
            }
        }

        if (type.IsGlobal)
        {
            Store(ResourceCatalogue.GlobalRegion, type.Name, [.. buckets], [.. bucketWorkloads]);
        }
    }

    private void Store(string region, string type, CloudResource[] list, byte[] workloads)
    {
        if (list.Length > 0)
        {
            _listings[(region, type)] = list;
            _workloadOf[(region, type)] = workloads;
        }
    }

    /// <summary>Creates one resource; <paramref name="workloadIndex"/> is the workload it belongs to, whatever its tags say.</summary>
    private CloudResource Create(ResourceTypeInfo type, SampleTypeProfile profile, string region, int i, SampleRandom rng, out byte workloadIndex)
    {
        var (vpcId, workload) = PlaceInWorkload(profile, region, rng);
        workloadIndex = _workloadIndex[workload];
        var id = SampleRandom.Mix(_idSalt + _serial++);
        var hex = "0" + id.ToString("x16", CultureInfo.InvariantCulture);
        var slug = workload.Slug;
        var r = region;
        string arn;
        string name;
        string? state = null;
        switch (type.Name)
        {
            case "ec2:instance":
                name = $"{slug}-{rng.Pick(InstanceRoles)}-{i:D2}";
                arn = $"arn:aws:ec2:{r}:{Account}:instance/i-{hex}";
                state = rng.Percent(12) ? "stopped" : "running";
                break;
            case "ec2:volume":
                name = $"{slug}-{rng.Pick(InstanceRoles)}-{i:D2}-data";
                arn = $"arn:aws:ec2:{r}:{Account}:volume/vol-{hex}";
                state = rng.Percent(85) ? "in-use" : "available";
                break;
            case "ec2:snapshot":
                name = $"{slug}-backup-{i:D3}";
                arn = $"arn:aws:ec2:{r}:{Account}:snapshot/snap-{hex}";
                state = "completed";
                break;
            case "ec2:elastic-ip":
                name = $"{slug}-eip-{i:D2}";
                arn = $"arn:aws:ec2:{r}:{Account}:elastic-ip/eipalloc-{hex}";
                break;
            case "ec2:natgateway":
                name = $"{slug}-nat-{rng.Pick(Zones)}-{i:D2}";
                arn = $"arn:aws:ec2:{r}:{Account}:natgateway/nat-{hex}";
                state = "available";
                break;
            case "ec2:vpc":
                // The first VPC of every region is its default VPC (older, shorter id); it is shared by everyone.
                var isDefault = i == 0 && _size > 0;
                name = isDefault ? "default" : $"{slug}-vpc-{i:D2}";
                vpcId = isDefault ? $"vpc-{hex[^8..]}" : $"vpc-{hex}";
                arn = $"arn:aws:ec2:{r}:{Account}:vpc/{vpcId}";
                state = "available";
                break;
            case "ec2:subnet":
                name = $"{slug}-{(rng.Percent(60) ? "private" : "public")}-{r}{rng.Pick(Zones)}-{i:D2}";
                arn = $"arn:aws:ec2:{r}:{Account}:subnet/subnet-{hex}";
                state = "available";
                break;
            case "ec2:security-group":
                name = i == 0 && _size > 0 ? "default" : $"{slug}-{rng.Pick(InstanceRoles)}-sg-{i:D2}";
                arn = $"arn:aws:ec2:{r}:{Account}:security-group/sg-{hex}";
                break;
            case "lambda:function":
                name = $"{slug}-{rng.Pick(FunctionVerbs)}-{i}";
                arn = $"arn:aws:lambda:{r}:{Account}:function:{name}";
                break;
            case "ecs:cluster":
                name = $"{slug}-cluster-{i}";
                arn = $"arn:aws:ecs:{r}:{Account}:cluster/{name}";
                state = "ACTIVE";
                Remember(r, type.Name, name);
                break;
            case "ecs:service":
                name = $"{workload.Application}-{rng.Pick(InstanceRoles)}-{i}";
                arn = $"arn:aws:ecs:{r}:{Account}:service/{Parent(r, "ecs:cluster", rng, "default")}/{name}";
                state = "ACTIVE";
                break;
            case "eks:cluster":
                name = $"{slug}-eks-{i}";
                arn = $"arn:aws:eks:{r}:{Account}:cluster/{name}";
                state = "ACTIVE";
                Remember(r, type.Name, name);
                break;
            case "eks:nodegroup":
                name = $"{slug}-ng-{i}";
                arn = $"arn:aws:eks:{r}:{Account}:nodegroup/{Parent(r, "eks:cluster", rng, "main")}/{name}/{Uuid(id, rng)}";
                state = "ACTIVE";
                break;
            case "s3:bucket":
                name = $"{slug}-{rng.Pick(BucketPurposes)}-{hex[^8..]}";
                arn = $"arn:aws:s3:::{name}";
                break;
            case "elasticfilesystem:file-system":
                name = $"{slug}-shared-{i}";
                arn = $"arn:aws:elasticfilesystem:{r}:{Account}:file-system/fs-{hex}";
                state = "available";
                break;
            case "fsx:file-system":
                name = $"{slug}-fsx-{i}";
                arn = $"arn:aws:fsx:{r}:{Account}:file-system/fs-{hex}";
                state = "AVAILABLE";
                break;
            case "rds:db":
                name = $"{slug}-db-{i}";
                arn = $"arn:aws:rds:{r}:{Account}:db:{name}";
                state = rng.Percent(8) ? "stopped" : "available";
                break;
            case "rds:cluster":
                name = $"{slug}-aurora-{i}";
                arn = $"arn:aws:rds:{r}:{Account}:cluster:{name}";
                state = "available";
                break;
            case "dynamodb:table":
                name = $"{slug}-{rng.Pick(TableNames)}-{i}";
                arn = $"arn:aws:dynamodb:{r}:{Account}:table/{name}";
                state = "ACTIVE";
                break;
            case "elasticache:cluster":
                name = $"{slug}-redis-{i}";
                arn = $"arn:aws:elasticache:{r}:{Account}:cluster:{name}";
                state = "available";
                break;
            case "redshift:cluster":
                name = $"{slug}-dwh-{i}";
                arn = $"arn:aws:redshift:{r}:{Account}:cluster:{name}";
                state = "available";
                break;
            case "sagemaker:endpoint":
                name = $"{slug}-endpoint-{i}";
                arn = $"arn:aws:sagemaker:{r}:{Account}:endpoint/{name}";
                state = "InService";
                break;
            case "sagemaker:notebook-instance":
                name = $"{slug}-notebook-{i}";
                arn = $"arn:aws:sagemaker:{r}:{Account}:notebook-instance/{name}";
                state = rng.Percent(30) ? "Stopped" : "InService";
                break;
            case "elasticloadbalancing:loadbalancer":
                name = $"{slug}-lb-{i}";
                arn = $"arn:aws:elasticloadbalancing:{r}:{Account}:loadbalancer/{(rng.Percent(80) ? "app" : "net")}/{name}/{hex[1..]}";
                state = "active";
                break;
            case "kinesis:stream":
                name = $"{slug}-events-{i}";
                arn = $"arn:aws:kinesis:{r}:{Account}:stream/{name}";
                state = "ACTIVE";
                break;
            case "glue:job":
                name = $"{slug}-etl-{i}";
                arn = $"arn:aws:glue:{r}:{Account}:job/{name}";
                break;
            case "opensearch:domain":
                name = $"{workload.Application[..Math.Min(12, workload.Application.Length)]}-{workload.EnvironmentShort}-{i}";
                arn = $"arn:aws:es:{r}:{Account}:domain/{name}";
                break;
            case "emr:cluster":
                name = $"{slug}-emr-{i}";
                arn = $"arn:aws:elasticmapreduce:{r}:{Account}:cluster/j-{Encode(id, 13)}";
                state = rng.Percent(70) ? "WAITING" : "RUNNING";
                break;
            case "secretsmanager:secret":
                name = $"{workload.Application}/{workload.Environment}/{rng.Pick(TableNames)}-{i}";
                arn = $"arn:aws:secretsmanager:{r}:{Account}:secret:{name}-{Lower(rng, 6)}";
                break;
            case "kms:key":
                name = $"alias/{slug}-{i}";
                arn = $"arn:aws:kms:{r}:{Account}:key/{Uuid(id, rng)}";
                state = "Enabled";
                break;
            case "apigateway:restapi":
                // API Gateway ARNs carry no account id.
                name = $"{slug}-api-{i}";
                arn = $"arn:aws:apigateway:{r}::/restapis/{Encode(id, 10).ToLowerInvariant()}";
                break;
            case "cloudfront:distribution":
                name = $"{workload.Application}-{i}.{workload.EnvironmentShort}.example.com";
                arn = $"arn:aws:cloudfront::{Account}:distribution/E{Encode(id, 13)}";
                state = "Deployed";
                break;
            case "route53:hostedzone":
                // Route 53 ARNs carry no account id.
                name = $"{workload.Application}-{i}.example.com";
                arn = $"arn:aws:route53:::hostedzone/Z{Encode(id, 13)}{Encode(rng.NextUInt64(), 7)}";
                break;
            case "stepfunctions:statemachine":
                name = $"{slug}-workflow-{i}";
                arn = $"arn:aws:states:{r}:{Account}:stateMachine:{name}";
                break;
            case "codebuild:project":
                name = $"{slug}-build-{i}";
                arn = $"arn:aws:codebuild:{r}:{Account}:project/{name}";
                break;
            case "sqs:queue":
                name = $"{slug}-{rng.Pick(TableNames)}-{i}{(rng.Percent(15) ? "-dlq" : "")}";
                arn = $"arn:aws:sqs:{r}:{Account}:{name}";
                break;
            case "sns:topic":
                name = $"{slug}-alerts-{i}";
                arn = $"arn:aws:sns:{r}:{Account}:{name}";
                break;
            case "logs:log-group":
                name = $"/aws/lambda/{slug}-{rng.Pick(FunctionVerbs)}-{i}";
                arn = $"arn:aws:logs:{r}:{Account}:log-group:{name}";
                break;
            case "cloudwatch:alarm":
                name = $"{slug}-high-cpu-{i}";
                arn = $"arn:aws:cloudwatch:{r}:{Account}:alarm:{name}";
                state = rng.Percent(10) ? "ALARM" : "OK";
                break;
            case "ecr:repository":
                name = $"{workload.Application}/{rng.Pick(InstanceRoles)}-{i}";
                arn = $"arn:aws:ecr:{r}:{Account}:repository/{name}";
                break;
            case "iam:role":
                name = $"{slug}-{rng.Pick(InstanceRoles)}-role-{i}";
                arn = $"arn:aws:iam::{Account}:role/{name}";
                break;
            case "iam:user":
                name = $"{rng.Pick(UserNames)}.{workload.Team}-{i}";
                arn = $"arn:aws:iam::{Account}:user/{name}";
                break;
            case "iam:policy":
                name = $"{slug}-access-{i}";
                arn = $"arn:aws:iam::{Account}:policy/{name}";
                break;
            default:
                throw new InvalidOperationException($"The sample account has no generator for resource type '{type.Name}'.");
        }

        if (type.Name == "ec2:vpc")
        {
            if (!_vpcs.TryGetValue(r, out var vpcs))
            {
                _vpcs[r] = vpcs = [];
            }

            vpcs.Add((vpcId!, workload));
        }

        var createdDaysAgo = type.Name == "ec2:snapshot" ? rng.Between(1, 400) : rng.Between(7, 1_400);
        var createdAt = Anchor.AddDays(-createdDaysAgo).AddSeconds(-rng.Between(0, 86_399));
        var tags = Tags(profile, workload, name, rng);

        // EC2-style resources are named by their Name tag, so a never-tagged one has no name.
        var resource = new CloudResource(arn, type.Name, region, tags, profile.HasNameTag && tags.IsEmpty ? null : name, createdAt, state, vpcId);

        if (type.GeneratesCost)
        {
            // S3 buckets carry their home region, so they bill there; CloudFront and Route 53 bill under 'global'.
            var cents = MonthlyCost(profile, resource, region, rng);
            var lineKey = (type.CostService!, region);
            if (!_lineIndex.TryGetValue(lineKey, out var line))
            {
                _lineIndex[lineKey] = line = _lineIndex.Count;
            }

            _costed.Add(resource);
            _cents.Add(cents);
            _lineOf.Add(line);
        }

        return resource;
    }

    private (string? VpcId, SampleWorkload Workload) PlaceInWorkload(SampleTypeProfile profile, string region, SampleRandom rng)
    {
        if (profile.VpcBound && _vpcs.TryGetValue(region, out var vpcs) && vpcs.Count > 0)
        {
            var vpc = vpcs.Count > 1 && rng.Percent(85) ? vpcs[1 + rng.Next(vpcs.Count - 1)] : vpcs[0];
            return (vpc.Id, rng.Percent(80) ? vpc.Workload : Pick(rng));
        }

        return (null, Pick(rng));
    }

    private SampleWorkload Pick(SampleRandom rng) => _workloads[rng.Next(_workloads.Length)];

    private void Remember(string region, string type, string name)
    {
        if (!_parents.TryGetValue((region, type), out var names))
        {
            _parents[(region, type)] = names = [];
        }

        names.Add(name);
    }

    private string Parent(string region, string type, SampleRandom rng, string fallback) =>
        _parents.TryGetValue((region, type), out var names) && names.Count > 0 ? rng.Pick(names) : fallback;

    private ImmutableArray<Tag> Tags(SampleTypeProfile profile, SampleWorkload workload, string name, SampleRandom rng)
    {
        if (rng.Permille(SampleTagVocabulary.UntaggedPermille))
        {
            return [];
        }

        var clean = rng.Permille(workload.HygienePermille);
        var tags = _scratch;
        tags.Clear();
        if (profile.HasNameTag)
        {
            tags.Add(new Tag(SampleTagVocabulary.NameKey, name));
        }

        tags.Add(new Tag(SampleTagVocabulary.CostCenterKey, workload.CostCenter));
        tags.Add(new Tag(SampleTagVocabulary.OwnerKey, workload.Owner));
        tags.Add(new Tag(SampleTagVocabulary.EnvironmentKey, workload.Environment));
        tags.Add(new Tag(SampleTagVocabulary.ApplicationKey, workload.Application));
        if (profile.DataStore && rng.Percent(85))
        {
            tags.Add(new Tag(SampleTagVocabulary.DataClassificationKey, workload.Classification));
        }

        if (workload.Project is { } project && rng.Percent(60))
        {
            tags.Add(new Tag(SampleTagVocabulary.ProjectKey, project));
        }

        if (rng.Percent(35))
        {
            tags.Add(new Tag(SampleTagVocabulary.TeamKey, workload.Team));
        }

        if (rng.Percent(45))
        {
            var tool = rng.Pick(SampleTagVocabulary.ManagedBy);
            tags.Add(new Tag(SampleTagVocabulary.ManagedByKey, tool));
            if (tool == "cloudformation")
            {
                tags.Add(new Tag(SampleTagVocabulary.StackKey, workload.Slug));
            }
        }

        if (!clean)
        {
            var mistakes = rng.Percent(75) ? 1 : 2;
            for (var m = 0; m < mistakes; m++)
            {
                ApplyMistake(tags, rng);
            }
        }

        var span = CollectionsMarshal.AsSpan(tags);
        if (profile.HasNameTag)
        {
            return [.. span]; // the Name tag makes the set unique; nothing to share
        }

        // Most tag sets repeat (same workload, same habits): keep one instance of each.
        var lookup = _tagSets.GetAlternateLookup<ReadOnlySpan<Tag>>();
        if (!lookup.TryGetValue(span, out var shared))
        {
            lookup.Add(span);
            lookup.TryGetValue(span, out shared);
        }

        return shared;
    }

    private static void ApplyMistake(List<Tag> tags, SampleRandom rng)
    {
        // A mistake that has nothing to act on (no such tag) is redrawn a few times, then skipped.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var mistake = PickMistake(rng);
            var at = tags.FindIndex(t => string.Equals(t.Key, mistake.Key, StringComparison.Ordinal));
            switch (mistake.Kind)
            {
                case TagMistakeKind.RemoveKey when at >= 0:
                    tags.RemoveAt(at);
                    return;
                case TagMistakeKind.RenameKey when at >= 0:
                    tags[at] = new Tag(rng.Pick(mistake.Replacements), tags[at].Value);
                    return;
                case TagMistakeKind.ReplaceValue when at >= 0:
                    tags[at] = new Tag(mistake.Key, rng.Pick(mistake.Replacements));
                    return;
                case TagMistakeKind.AddTag when at >= 0:
                    tags[at] = new Tag(mistake.Key, rng.Pick(mistake.Replacements));
                    return;
                case TagMistakeKind.AddTag:
                    tags.Add(new Tag(mistake.Key, rng.Pick(mistake.Replacements)));
                    return;
                default:
                    continue;
            }
        }
    }

    private static TagMistake PickMistake(SampleRandom rng)
    {
        var roll = rng.Next(SampleTagVocabulary.MistakeWeightTotal);
        foreach (var mistake in SampleTagVocabulary.Mistakes)
        {
            if (roll < mistake.Weight)
            {
                return mistake;
            }

            roll -= mistake.Weight;
        }

        return SampleTagVocabulary.Mistakes[^1];
    }

    private static long MonthlyCost(SampleTypeProfile profile, CloudResource resource, string region, SampleRandom rng)
    {
        var roll = rng.Next(profile.TierWeightTotal);
        long cents = 0;
        foreach (var (tierCents, weight) in profile.Tiers)
        {
            if (roll < weight)
            {
                cents = tierCents;
                break;
            }

            roll -= weight;
        }

        cents = cents * SampleRegions.PricePermilleOf(region) / 1000;
        if (profile.VariationPercent > 0)
        {
            cents = cents * (100 + rng.Between(-profile.VariationPercent, profile.VariationPercent)) / 100;
        }

        return resource.Type switch
        {
            "ec2:instance" when resource.IsStopped => 0, // stopped: no compute; its volumes still bill
            "rds:db" when resource.IsStopped => cents / 10, // storage only
            "sagemaker:notebook-instance" when resource.IsStopped => cents / 20,
            _ => Math.Max(0, cents),
        };
    }

    /// <summary>
    /// Spend no resource carries, monthly: tax, the Business support plan (AWS's tiered percentage), data transfer
    /// and CloudWatch per region, AWS Config in the two main regions, and Cost Explorer's own API charges.
    /// </summary>
    private ImmutableArray<CostLine> OtherLines()
    {
        var byRegion = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _costed.Count; i++)
        {
            var region = _costed[i].Region;
            byRegion[region] = byRegion.GetValueOrDefault(region) + _cents[i];
        }

        var total = byRegion.Values.Sum();
        if (total == 0)
        {
            return [];
        }

        var rng = SampleRandom.For(_seed, OtherLinesStream);
        var lines = new List<CostLine>
        {
            new("Tax", ResourceCatalogue.GlobalRegion, total * 5 / 100),
            new("AWS Support (Business)", ResourceCatalogue.GlobalRegion, BusinessSupport(total)),
            new("AWS Cost Explorer", ResourceCatalogue.GlobalRegion, rng.Between(100, 500)),
        };
        foreach (var (region, spend) in byRegion)
        {
            if (region == ResourceCatalogue.GlobalRegion || spend == 0)
            {
                continue;
            }

            lines.Add(new CostLine("AWS Data Transfer", region, spend * rng.Between(20, 40) / 1000));
            lines.Add(new CostLine("Amazon CloudWatch", region, spend * rng.Between(10, 20) / 1000));
            if (region is "us-east-1" or "eu-west-1")
            {
                lines.Add(new CostLine("AWS Config", region, rng.Between(2_000, 6_000)));
            }
        }

        return [.. lines.Where(l => l.AmountCents > 0)];
    }

    /// <summary>Business support: 10% of the first 10k USD, 7% up to 80k, 5% up to 250k, 3% above; at least 100 USD.</summary>
    private static long BusinessSupport(long spend)
    {
        long fee = 0;
        (long UpTo, int Percent)[] tiers = [(1_000_000, 10), (8_000_000, 7), (25_000_000, 5), (long.MaxValue, 3)];
        long from = 0;
        foreach (var (upTo, percent) in tiers)
        {
            if (spend <= from)
            {
                break;
            }

            fee += (Math.Min(spend, upTo) - from) * percent / 100;
            from = upTo;
        }

        return Math.Max(10_000, fee);
    }

    private static ImmutableArray<SampleWorkload> CreateWorkloads(SampleRandom rng)
    {
        var teams = SampleTagVocabulary.Teams;
        var teamHygiene = teams.Select(_ => rng.Pick(SampleTagVocabulary.HygieneLevels)).ToArray();
        var workloads = ImmutableArray.CreateBuilder<SampleWorkload>();
        foreach (var application in SampleTagVocabulary.Applications)
        {
            var team = rng.Next(teams.Length);
            var costCenter = rng.Pick(SampleTagVocabulary.CostCenters);
            var project = rng.Percent(60) ? rng.Pick(SampleTagVocabulary.ProjectCodes) : null;
            var classification = rng.Pick(SampleTagVocabulary.Classifications);
            foreach (var (environment, shortName, weight) in SampleTagVocabulary.Environments)
            {
                // Every application runs in production; most also have staging and development.
                if (environment == "production" || rng.Percent(weight * 2 + 20))
                {
                    workloads.Add(new SampleWorkload(application, environment, shortName, costCenter, teams[team].Email,
                        teams[team].Team, project, classification, teamHygiene[team]));
                }
            }
        }

        return workloads.ToImmutable();
    }

    /// <summary>Splits a total over weights by largest remainder (ties to the earlier entry): exact and stable.</summary>
    internal static int[] Apportion(int total, int[] weights)
    {
        var counts = new int[weights.Length];
        long sum = weights.Sum(w => (long)w);
        if (sum == 0 || total == 0)
        {
            return counts;
        }

        var remainders = new long[weights.Length];
        var given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            counts[i] = (int)((long)total * weights[i] / sum);
            remainders[i] = (long)total * weights[i] % sum;
            given += counts[i];
        }

        var order = Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k++, given++)
        {
            counts[order[k]]++;
        }

        return counts;
    }

    private static int IndexOf(ImmutableArray<SampleTypeProfile> profiles, string type)
    {
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i].Type == type)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The sample account has no profile for '{type}'.");
    }

    private static string Encode(ulong value, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var k = 0; k < length; k++)
        {
            chars[k] = Base32[(int)(value & 31)];
            value = (value >> 5) | (value << 59); // rotate, so 13 characters cover all 64 bits
        }

        return new string(chars);
    }

    private static string Lower(SampleRandom rng, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var k = 0; k < length; k++)
        {
            chars[k] = LowerAlnum[rng.Next(LowerAlnum.Length)];
        }

        return new string(chars);
    }

    private static string Uuid(ulong id, SampleRandom rng)
    {
        var low = rng.NextUInt64();
        var a = id.ToString("x16", CultureInfo.InvariantCulture);
        var b = low.ToString("x16", CultureInfo.InvariantCulture);
        return $"{a[..8]}-{a[8..12]}-{a[12..16]}-{b[..4]}-{b[4..16]}";
    }
}
