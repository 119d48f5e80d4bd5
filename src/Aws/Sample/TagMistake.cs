using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>One realistic tagging mistake, as data: what happens to which key, with which replacement.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Key">The key the mistake touches.</param>
/// <param name="Replacements">The wrong keys (rename) or values (replace, add) to choose from.</param>
/// <param name="Weight">How often it happens relative to the other mistakes.</param>
internal sealed record TagMistake(TagMistakeKind Kind, string Key, ImmutableArray<string> Replacements, int Weight);
