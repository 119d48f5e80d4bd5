using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// The built-in sample account: a simulated AWS account that the sample ports (<see cref="SampleRegionCatalogue"/>,
/// <see cref="SampleResourceSource"/>, <see cref="SampleCostSource"/>, <see cref="SampleAccountIdentity"/>) answer
/// from. Its content is generated once, on first use, from the seed and size, and shared by every scan; when
/// <see cref="SampleAccountOptions.DailyTagChangePercent"/> is above 0 it then changes by one simulated day per scan
/// (see <see cref="BeginScanAsync"/>). Every call pays the configured latency and may meet the configured faults. Thread-safe.
/// </summary>
public sealed class SampleAccount
{
    /// <summary>The sample account's (fake) 12-digit id.</summary>
    public const string AccountId = "123456789012";

    /// <summary>The <see cref="AccountDescription.SourceKind"/> of the sample account.</summary>
    public const string SourceKind = "sample";

    /// <summary>What the UI calls the sample account.</summary>
    public const string DisplayName = "Sample account";

    /// <summary>The identity scans of the sample account run as.</summary>
    public const string CallerIdentity = "arn:aws:sts::123456789012:assumed-role/FinOpsReadOnly/sample";

    /// <summary>Region of the account-wide endpoints (DescribeRegions, STS, Cost Explorer).</summary>
    internal const string ApiRegion = "us-east-1";

    private const string Setting = SampleAccountOptions.SectionName + ":";

    private readonly Lazy<Task<SampleAccountData>> _generation;
    private readonly Lock _evolutionGate = new();
    private readonly int _dailyChangePercent;
    private SampleAccountEvolution? _evolution;
    private volatile SampleAccountData? _current;
    private int _scans;
    private readonly ConcurrentDictionary<(string Region, string Type), StrongBox<int>> _listingAttempts = new();
    private readonly FrozenSet<string> _failing;
    private readonly FrozenSet<string> _denied;
    private readonly FrozenSet<string> _slow;
    private readonly FrozenSet<string> _throttled;
    private readonly int _latency;
    private readonly int _jitter;
    private readonly int _slowLatency;
    private readonly int _throttleBursts;
    private readonly bool _taggedOnly;

    private readonly string? _dayFile;

    /// <summary>Creates the account; invalid options throw a <see cref="ValidationException"/> naming the setting.</summary>
    /// <param name="options">The account's settings.</param>
    /// <param name="timeProvider">The clock for simulated latency.</param>
    /// <param name="dayFile">
    /// Where an evolving account keeps how many scans it has seen, so a restarted app goes on from the day it had reached
    /// instead of going back to day 0 (its kept history would then drift backwards); null keeps the count in memory only.
    /// </param>
    public SampleAccount(SampleAccountOptions options, TimeProvider timeProvider, string? dayFile = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        // Copy everything: the options object may be changed later, the account may not.
        Seed = options.Seed;
        Size = options.Size;
        PageSize = options.PageSize;
        TimeProvider = timeProvider;
        _latency = options.LatencyMilliseconds;
        _jitter = options.LatencyJitterMilliseconds;
        _slowLatency = options.SlowRegionLatencyMilliseconds;
        _throttleBursts = options.ThrottleBursts;
        _taggedOnly = options.TaggedOnlyCoverage;
        _dailyChangePercent = options.DailyTagChangePercent;
        _dayFile = _dailyChangePercent == 0 ? null : dayFile;
        _scans = ScansKept(_dayFile);
        _failing = (options.FailingRegions ?? []).ToFrozenSet(StringComparer.Ordinal);
        _denied = (options.AccessDeniedRegions ?? []).ToFrozenSet(StringComparer.Ordinal);
        _slow = (options.SlowRegions ?? []).ToFrozenSet(StringComparer.Ordinal);
        _throttled = (options.ThrottledRegions ?? []).ToFrozenSet(StringComparer.Ordinal);
        // Generated once, on the thread pool, so scans that arrive meanwhile wait asynchronously (and can give up).
        _generation = new Lazy<Task<SampleAccountData>>(
            () => Task.Run(Generate), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Per cent of the resources changed per simulated day (0: the account never changes).</summary>
    public int DailyTagChangePercent => _dailyChangePercent;

    /// <summary>
    /// The simulated day the account shows: 0 until the second scan starts, then one more for every scan started (also
    /// by an earlier run of the app, when it keeps a day file)
    /// (see <see cref="BeginScan"/>). Always 0 when <see cref="DailyTagChangePercent"/> is 0.
    /// </summary>
    public int Day
    {
        get
        {
            lock (_evolutionGate)
            {
                return _evolution?.Day ?? 0;
            }
        }
    }

    /// <summary>
    /// Says a scan of the account starts: the first scan sees day 0, each later one the next simulated day. The
    /// day's content is built here, before the scan lists anything, so one scan sees one day. Does nothing when the
    /// account does not change.
    /// </summary>
    public async Task BeginScanAsync(CancellationToken cancellationToken)
    {
        if (_dailyChangePercent == 0)
        {
            return;
        }

        await _generation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var scans = Interlocked.Increment(ref _scans);
        KeepScans(scans);
        AdvanceTo(scans - 1);
    }

    /// <summary>The scans an earlier run of the app counted (0 when none or unreadable: the account starts at day 0).</summary>
    private static int ScansKept(string? dayFile)
    {
        try
        {
            return dayFile is not null && File.Exists(dayFile)
                && int.TryParse(File.ReadAllText(dayFile).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var scans)
                ? scans
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Writes the scan count for the next run; a folder that cannot be written only means the next run starts over.</summary>
    private void KeepScans(int scans)
    {
        if (_dayFile is null)
        {
            return;
        }

        try
        {
            lock (_evolutionGate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_dayFile)!);
                File.WriteAllText(_dayFile, scans.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Moves the account forward to a simulated day (never back); for tests and demos.</summary>
    internal async Task<SampleAccountData> AdvanceToAsync(int day, CancellationToken cancellationToken)
    {
        await _generation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        AdvanceTo(day);
        return await GetDataAsync(cancellationToken).ConfigureAwait(false);
    }

    private void AdvanceTo(int day)
    {
        lock (_evolutionGate)
        {
            if (_evolution is { } evolution && evolution.Day < day)
            {
                _current = evolution.AdvanceTo(day);
            }
        }
    }

    private SampleAccountData Generate()
    {
        if (_dailyChangePercent == 0)
        {
            return SampleAccountGenerator.Generate(Seed, Size);
        }

        var (generator, data) = SampleAccountGenerator.GenerateEvolving(Seed, Size);
        lock (_evolutionGate)
        {
            _evolution = new SampleAccountEvolution(generator, data, Seed, _dailyChangePercent);
        }

        return data;
    }

    /// <summary>The generator's seed.</summary>
    public int Seed { get; }

    /// <summary>About how many resources the account holds.</summary>
    public int Size { get; }

    /// <summary>Resources per listing page.</summary>
    public int PageSize { get; }

    /// <summary>The clock the simulated latency runs on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How the account describes itself.</summary>
    public AccountDescription Description { get; } = new(SourceKind, DisplayName, AccountId, CallerIdentity);

    /// <summary>The generated content (built on first use; cancelling stops the wait, not the generation).</summary>
    internal async Task<SampleAccountData> GetDataAsync(CancellationToken cancellationToken)
    {
        var generated = await _generation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _current ?? generated;
    }

    /// <summary>
    /// Generates the content now rather than on the first scan (e.g. at start-up, or before a benchmark).
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => GetDataAsync(cancellationToken);

    /// <summary>
    /// What every resource should be tagged with, as the generator knows it (generates the content if needed): for
    /// scoring tag suggestions against the truth. The account itself stays as generated.
    /// </summary>
    public async Task<SampleTagTruth> GetTagTruthAsync(CancellationToken cancellationToken) =>
        new(await GetDataAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>How many resources the account holds (generates the content if needed).</summary>
    public async Task<int> CountResourcesAsync(CancellationToken cancellationToken) =>
        (await GetDataAsync(cancellationToken).ConfigureAwait(false)).ResourceCount;

    /// <summary>Whether listings of a type see every resource (the default) or, simulating the live scanner, only tagged ones.</summary>
    public Coverage CoverageOf(ResourceTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _taggedOnly ? type.LiveCoverage : Coverage.Complete;
    }

    /// <summary>Pays the simulated latency of one call to a region's endpoint; cancellation ends the wait at once.</summary>
    internal async ValueTask CallAsync(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var milliseconds = _slow.Contains(region) ? _slowLatency : _latency;
        if (_jitter > 0)
        {
#pragma warning disable CA5394 // timing noise, not security and not part of the account's content
            milliseconds += Random.Shared.Next(_jitter + 1);
#pragma warning restore CA5394
        }

        if (milliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lists one (region, type) a page at a time, each page one simulated call. <paramref name="region"/> is
    /// <c>global</c> for global types. Faults are raised on the first call, before any page.
    /// </summary>
    internal async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListPagesAsync(
        string region, ResourceTypeInfo type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await CallAsync(region, cancellationToken).ConfigureAwait(false);
        ThrowIfFaulted(region, type);

        var resources = (await GetDataAsync(cancellationToken).ConfigureAwait(false)).Listing(region, type.Name);
        if (_taggedOnly && type.LiveCoverage == Coverage.TaggedOnly)
        {
            resources = Array.FindAll(resources, r => r.Tags.Length > 0);
        }

        for (var offset = 0; offset < resources.Length; offset += PageSize)
        {
            if (offset > 0)
            {
                await CallAsync(region, cancellationToken).ConfigureAwait(false);
            }

            yield return resources.AsSpan(offset, Math.Min(PageSize, resources.Length - offset)).ToArray();
        }
    }

    /// <summary>Raises the fault configured for the (region, type), if any.</summary>
    private void ThrowIfFaulted(string region, ResourceTypeInfo type)
    {
        var action = ListAction(type);
        if (_failing.Contains(region))
        {
            throw new ResourceSourceException(SourceFailureKind.Permanent,
                $"Region {region} is unavailable: every request to it fails ({action}). " +
                $"This outage is simulated by the setting {Setting}FailingRegions.");
        }

        if (_denied.Contains(region))
        {
            var code = type.Inventory == InventoryMethod.Ec2 ? "UnauthorizedOperation" : "AccessDeniedException";
            throw new ResourceSourceException(SourceFailureKind.AccessDenied,
                $"{code}: {CallerIdentity} is not authorized to perform {action} in {region}. " +
                $"Simulated by the setting {Setting}AccessDeniedRegions.",
                action);
        }

        if (_throttleBursts > 0 && (_throttled.Count == 0 || _throttled.Contains(region)))
        {
            var attempts = _listingAttempts.GetOrAdd((region, type.Name), _ => new StrongBox<int>());
            var attempt = Interlocked.Increment(ref attempts.Value) - 1;
            if (attempt % (_throttleBursts + 1) < _throttleBursts)
            {
                throw new ResourceSourceException(SourceFailureKind.Transient,
                    $"ThrottlingException: Rate exceeded ({action} in {region}).");
            }
        }
    }

    /// <summary>The IAM action the live scanner would call to list a type.</summary>
    internal static string ListAction(ResourceTypeInfo type) => type.Inventory switch
    {
        InventoryMethod.Ec2 => type.Name switch
        {
            "ec2:instance" => "ec2:DescribeInstances",
            "ec2:volume" => "ec2:DescribeVolumes",
            "ec2:snapshot" => "ec2:DescribeSnapshots",
            "ec2:elastic-ip" => "ec2:DescribeAddresses",
            "ec2:natgateway" => "ec2:DescribeNatGateways",
            "ec2:vpc" => "ec2:DescribeVpcs",
            "ec2:subnet" => "ec2:DescribeSubnets",
            "ec2:security-group" => "ec2:DescribeSecurityGroups",
            _ => "ec2:DescribeTags",
        },
        InventoryMethod.S3 => "s3:ListAllMyBuckets",
        InventoryMethod.DynamoDb => "dynamodb:ListTables",
        InventoryMethod.Kms => "kms:ListKeys",
        _ => "tag:GetResources",
    };
}
