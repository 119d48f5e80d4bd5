using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The live state of one region (or of the global types) during a scan: counts, the evaluations of each type that
/// finished, the first failure. Events are published under the unit's lock so a region's counts never go backwards.
/// </summary>
internal sealed class ScanUnitRun
{
    private readonly Lock _lock = new();
    private readonly ScanProgressTracker _tracker;
    private readonly List<ResourceEvaluation>?[] _listed;
    private int _resources;
    private int _violations;
    private int _retries;
    private int _unitsCounted;
    private string? _failure;
    private readonly Dictionary<string, (int Resources, int Violations)> _homed = new(StringComparer.Ordinal);

    public ScanUnitRun(string name, ImmutableArray<ResourceTypeInfo> types, ScanProgressTracker tracker)
    {
        Name = name;
        Types = types;
        _tracker = tracker;
        _listed = new List<ResourceEvaluation>?[types.Length];
    }

    public string Name { get; }

    public ImmutableArray<ResourceTypeInfo> Types { get; }

    /// <summary>Progress units this unit weighs: one per type, at least one.</summary>
    public int Units => Math.Max(1, Types.Length);

    public string? Failure
    {
        get
        {
            lock (_lock)
            {
                return _failure;
            }
        }
    }

    public int Retries
    {
        get
        {
            lock (_lock)
            {
                return _retries;
            }
        }
    }

    public bool AllTypesListed
    {
        get
        {
            lock (_lock)
            {
                return _listed.All(l => l is not null);
            }
        }
    }

    /// <summary>Evaluations of every type, in type order (only meaningful once every type was listed).</summary>
    public IEnumerable<ResourceEvaluation> Evaluations => _listed.Where(l => l is not null).SelectMany(l => l!);

    public int ResourceCount => _listed.Sum(l => l?.Count ?? 0);

    public void Queued() => Publish(ScanProgressKind.RegionQueued);

    public void Started() => Publish(ScanProgressKind.RegionStarted);

    /// <summary>
    /// A page arrived (its resources are <paramref name="listed"/> from <paramref name="from"/> on). Resources of a global
    /// listing that count in another region (S3 buckets in their home region) are counted there, as the result will.
    /// </summary>
    public void PageListed(ResourceTypeInfo type, List<ResourceEvaluation> listed, int from, int violations)
    {
        lock (_lock)
        {
            Tally(listed, from, sign: 1, ref violations);
            _violations += violations;
            PublishLocked(ScanProgressKind.PageFetched, type.Name);
        }
    }

    public void TypeListed(int typeIndex, List<ResourceEvaluation> evaluations)
    {
        lock (_lock)
        {
            _listed[typeIndex] = evaluations;
            _unitsCounted++;
            _tracker.Finished(1);
            PublishLocked(ScanProgressKind.TypeListed, Types[typeIndex].Name);
        }
    }

    /// <summary>A transient failure: the attempt's pages are discarded and the type starts again after the delay.</summary>
    public void Retrying(ResourceTypeInfo type, int retry, string reason, TimeSpan delay, List<ResourceEvaluation> discarded, int discardedViolations)
    {
        lock (_lock)
        {
            Tally(discarded, 0, sign: -1, ref discardedViolations);
            _violations -= discardedViolations;
            _retries++;
            PublishLocked(ScanProgressKind.Retrying, type.Name, retry, reason, delay);
        }
    }

    /// <summary>
    /// Counts (or uncounts) resources: in this unit when they count here, else under their own region; the violations
    /// of those counted elsewhere are moved out of <paramref name="violations"/>.
    /// </summary>
    private void Tally(List<ResourceEvaluation> evaluations, int from, int sign, ref int violations)
    {
        for (var i = from; i < evaluations.Count; i++)
        {
            var e = evaluations[i];
            if (e.Resource.Region == Name)
            {
                _resources += sign;
                continue;
            }

            var found = e.Violations.Length;
            violations -= found;
            _homed.TryGetValue(e.Resource.Region, out var tally);
            _homed[e.Resource.Region] = (tally.Resources + sign, tally.Violations + (sign * found));
        }
    }

    /// <summary>Records the first failure of the unit; false when another type failed first.</summary>
    public bool TryFail(string reason)
    {
        lock (_lock)
        {
            if (_failure is not null)
            {
                return false;
            }

            _failure = reason;
            return true;
        }
    }

    public RegionScanOutcome Succeeded(TimeSpan duration) =>
        End(ScanProgressKind.RegionSucceeded, RegionScanStatus.Succeeded, null, duration);

    public RegionScanOutcome Failed(string reason, TimeSpan duration) =>
        End(ScanProgressKind.RegionFailed, RegionScanStatus.Failed, reason, duration);

    public RegionScanOutcome Cancelled(TimeSpan duration) =>
        End(ScanProgressKind.RegionCancelled, RegionScanStatus.Cancelled, "cancelled", duration);

    private RegionScanOutcome End(ScanProgressKind kind, RegionScanStatus status, string? reason, TimeSpan duration)
    {
        lock (_lock)
        {
            // A failed or cancelled region keeps nothing: partial listings would skew its figures.
            if (status != RegionScanStatus.Succeeded)
            {
                Array.Clear(_listed);
                _resources = 0;
                _violations = 0;
                _homed.Clear();
            }

            _tracker.Finished(Units - _unitsCounted);
            _unitsCounted = Units;
            PublishLocked(kind, null, 0, reason, null);
            return new RegionScanOutcome(Name, status, reason, _retries, status == RegionScanStatus.Succeeded ? ResourceCount : 0, duration);
        }
    }

    private void Publish(ScanProgressKind kind)
    {
        lock (_lock)
        {
            PublishLocked(kind, null);
        }
    }

    private void PublishLocked(ScanProgressKind kind, string? type, int attempt = 0, string? reason = null, TimeSpan? delay = null) =>
        _tracker.Publish(new ScanProgressEvent(kind, Name, type, _resources, _violations, _retries, attempt, reason, delay,
            _tracker.Percent, _tracker.Now)
        {
            CountedElsewhere = _homed.Count == 0 ? null : _homed.ToImmutableDictionary(StringComparer.Ordinal),
        });
}
