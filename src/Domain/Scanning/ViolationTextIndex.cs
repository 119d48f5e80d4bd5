using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Free-text search over the ARNs and names of a result's resources that have violations (the only ones a violation
/// list can show): one upper-cased buffer searched with a vectorised scan, so a new search costs a few milliseconds
/// however many violations there are, instead of a case-insensitive comparison per violation. Built once per result,
/// on the first search. Matches as <see cref="ViolationFilter.Matches"/> does (ordinal, ignoring case).
/// </summary>
internal sealed class ViolationTextIndex
{
    // Entries are "ARN\0name\0"; a needle never contains '\0', so a match never spans two fields.
    private const char Separator = '\0';
    private readonly string _text;
    private readonly int[] _starts;
    private readonly Dictionary<EvaluatedResource, int> _entryOf;

    private ViolationTextIndex(string text, int[] starts, EvaluatedResource[] resources)
    {
        _text = text;
        _starts = starts;
        _entryOf = new Dictionary<EvaluatedResource, int>(resources.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Length; i++)
        {
            _entryOf[resources[i]] = i;
        }
    }

    /// <summary>Indexes the resources of <paramref name="resources"/> that have violations.</summary>
    public static ViolationTextIndex Build(ImmutableArray<EvaluatedResource> resources)
    {
        var indexed = resources.Where(r => !r.Violations.IsDefaultOrEmpty).ToArray();
        var starts = new int[indexed.Length + 1];
        for (var i = 0; i < indexed.Length; i++)
        {
            starts[i + 1] = starts[i] + indexed[i].Arn.Length + (indexed[i].Resource.Name?.Length ?? 0) + 2;
        }

        // One allocation, upper-cased while it is written.
        var text = string.Create(starts[^1], indexed, static (span, entries) =>
        {
            foreach (var entry in entries)
            {
                span = Write(span, entry.Arn);
                span = Write(span, entry.Resource.Name);
            }
        });
        return new ViolationTextIndex(text, starts, indexed);
    }

    private static Span<char> Write(Span<char> into, string? field)
    {
        var length = field?.Length ?? 0;
        field.AsSpan().ToUpperInvariant(into);
        into[length] = Separator;
        return into[(length + 1)..];
    }

    /// <summary>The indexed resources whose ARN or name contains <paramref name="text"/>, ignoring case.</summary>
    public Func<EvaluatedResource, bool> Matching(string text)
    {
        // One flag per entry: a search allocates a few bytes per resource however many match, so a text found
        // everywhere ("1") costs no more than a rare one.
        var hits = new bool[_starts.Length - 1];
        if (!text.Contains(Separator, StringComparison.Ordinal))
        {
            var needle = text.ToUpperInvariant();
            var from = 0;
            var entry = 0;
            while (from < _text.Length)
            {
                var at = _text.AsSpan(from).IndexOf(needle, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                // The entry holding the match (matches only move forward); carry on after it, one hit is enough.
                while (_starts[entry + 1] <= from + at)
                {
                    entry++;
                }

                hits[entry] = true;
                from = _starts[entry + 1];
            }
        }

        return resource => _entryOf.TryGetValue(resource, out var entry) && hits[entry];
    }
}
