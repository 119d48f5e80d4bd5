using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>
/// The words the sample account's tags are made of: the organisation's tag keys and values, and the mistakes its
/// people make with them. Every generated tag key and value is one of these instances (or a resource's own name),
/// so a million resources share a few hundred strings.
/// </summary>
internal static class SampleTagVocabulary
{
    public const string CostCenterKey = "CostCenter";
    public const string OwnerKey = "Owner";
    public const string EnvironmentKey = "Environment";
    public const string ApplicationKey = "Application";
    public const string DataClassificationKey = "DataClassification";
    public const string ProjectKey = "Project";
    public const string NameKey = "Name";
    public const string TeamKey = "Team";
    public const string ManagedByKey = "ManagedBy";
    public const string StackKey = "aws:cloudformation:stack-name";

    public static ImmutableArray<string> CostCenters { get; } = ["CC-100", "CC-200", "CC-300", "CC-400", "CC-500"];

    /// <summary>Environment and the short form used in names, weighted: most spend is production.</summary>
    public static ImmutableArray<(string Name, string Short, int Weight)> Environments { get; } =
    [
        ("production", "prod", 50),
        ("staging", "stg", 20),
        ("development", "dev", 30),
    ];

    public static ImmutableArray<string> Classifications { get; } = ["public", "internal", "confidential", "restricted"];

    /// <summary>Teams and the e-mail address they use as owner.</summary>
    public static ImmutableArray<(string Team, string Email)> Teams { get; } =
    [
        ("platform", "platform-team@example.com"),
        ("payments", "payments@example.com"),
        ("data-engineering", "data-eng@example.com"),
        ("machine-learning", "ml-team@example.com"),
        ("web", "web-team@example.com"),
        ("mobile", "mobile@example.com"),
        ("security", "security@example.com"),
        ("sre", "sre@example.com"),
        ("analytics", "analytics@example.com"),
        ("identity", "identity@example.com"),
        ("search", "search@example.com"),
        ("finance-it", "finance-it@example.com"),
    ];

    public static ImmutableArray<string> Applications { get; } =
    [
        "checkout", "payments-api", "ledger", "billing", "search", "catalog", "recommendations", "web-frontend",
        "mobile-backend", "identity", "auth-gateway", "notifications", "data-lake", "etl-pipeline", "reporting",
        "ml-platform", "fraud-detection", "inventory", "shipping", "crm", "analytics", "customer-portal",
        "media-transcoder", "observability",
    ];

    public static ImmutableArray<string> ProjectCodes { get; } =
        ["PAY-101", "MLP-7", "WEB-2024", "DAT-55", "SRE-12", "MOB-310", "IDN-42", "FIN-9"];

    public static ImmutableArray<string> ManagedBy { get; } = ["terraform", "terraform", "cloudformation", "cdk", "manual"];

    /// <summary>A note pasted into a tag, longer than AWS's 256-character value limit allows in well-run accounts.</summary>
    public static string OverLongNote { get; } =
        "Migrated from the on-premises data centre in 2023 as part of the lift-and-shift wave 3. Contacts: " +
        "infrastructure operations (primary), database administration (secondary), network engineering " +
        "(firewall rules). Do not delete before the decommissioning review of the legacy billing platform has " +
        "been signed off by finance, security and the application owners.";

    /// <summary>A key someone used to hold a whole sentence.</summary>
    public static string OverLongKey { get; } =
        "migration-wave-3-lift-and-shift-from-frankfurt-data-centre-rack-b14-approved-by-change-advisory-board-" +
        "ticket-chg-2023-004711-do-not-delete";

    /// <summary>
    /// The mistakes people make, weighted by how common they are: missing owners first, then wrong letter case,
    /// wrong environment names, personal or malformed e-mail addresses, unknown cost centres, empty values,
    /// over-long notes and malformed optional tags.
    /// </summary>
    public static ImmutableArray<TagMistake> Mistakes { get; } =
    [
        new(TagMistakeKind.RemoveKey, OwnerKey, [], 20),
        new(TagMistakeKind.RemoveKey, CostCenterKey, [], 8),
        new(TagMistakeKind.RemoveKey, EnvironmentKey, [], 5),
        new(TagMistakeKind.RemoveKey, ApplicationKey, [], 5),
        new(TagMistakeKind.RemoveKey, DataClassificationKey, [], 4),
        new(TagMistakeKind.RenameKey, EnvironmentKey, ["environment", "environment", "ENVIRONMENT"], 7),
        new(TagMistakeKind.RenameKey, CostCenterKey, ["costcenter", "costcenter", "Costcenter", "costCenter"], 7),
        new(TagMistakeKind.RenameKey, OwnerKey, ["owner"], 3),
        new(TagMistakeKind.RenameKey, ApplicationKey, ["application"], 2),
        new(TagMistakeKind.ReplaceValue, EnvironmentKey, ["Prod", "Prod", "prod", "PRODUCTION", "dev", "Staging", "test", "qa"], 14),
        new(TagMistakeKind.ReplaceValue, OwnerKey, ["alice@gmail.com", "bob", "ops@example.org", "platform team", "carol.smith@example.co"], 10),
        new(TagMistakeKind.ReplaceValue, CostCenterKey, ["CC-999", "cc-200", "CC100", "4711", "marketing"], 8),
        new(TagMistakeKind.ReplaceValue, ApplicationKey, ["Payments API", "ML_Platform", "x", "CheckoutService"], 4),
        new(TagMistakeKind.ReplaceValue, DataClassificationKey, ["Confidential", "secret", "pii"], 4),
        new(TagMistakeKind.ReplaceValue, OwnerKey, [""], 2),
        new(TagMistakeKind.ReplaceValue, EnvironmentKey, [""], 2),
        new(TagMistakeKind.ReplaceValue, CostCenterKey, [""], 1),
        new(TagMistakeKind.AddTag, "Notes", [OverLongNote], 3),
        new(TagMistakeKind.AddTag, OverLongKey, ["true"], 1),
        new(TagMistakeKind.AddTag, ProjectKey, ["proj-12", "Phoenix", "PAY 101"], 3),
    ];

    /// <summary>The sum of the mistakes' weights.</summary>
    public static int MistakeWeightTotal { get; } = Mistakes.Sum(m => m.Weight);

    /// <summary>How careful teams are, in thousandths of their resources tagged without mistakes.</summary>
    public static ImmutableArray<int> HygieneLevels { get; } = [900, 850, 800, 700, 650, 600, 550, 500, 450];

    /// <summary>Chance, in thousandths, that a resource carries no tags at all.</summary>
    public const int UntaggedPermille = 50;
}
