using System.Collections.Immutable;

namespace FinOps.Domain.Custodian;

/// <summary>Cloud Custodian policies generated from the tagging policy: the YAML file and what it contains.</summary>
/// <param name="Yaml">The policy file (<c>policies:</c> list), ready for <c>custodian validate</c>.</param>
/// <param name="Policies">One entry per generated policy, in catalogue order.</param>
/// <param name="Skipped">Requested types without a policy, with the reason.</param>
/// <param name="Notes">What the YAML cannot express exactly (letter case of keys, regular-expression dialect).</param>
public sealed record CustodianExport(
    string Yaml,
    ImmutableArray<CustodianPolicy> Policies,
    ImmutableArray<CustodianSkip> Skipped,
    ImmutableArray<string> Notes);
