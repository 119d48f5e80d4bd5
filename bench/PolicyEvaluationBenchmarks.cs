using BenchmarkDotNet.Attributes;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Bench;

/// <summary>
/// Policy evaluation throughput for the shipped 5-required-tag policy (allowed values and patterns).
/// Evaluations/s = 1e9 / Mean(ns); "Allocated" is bytes per evaluated resource (the mixed benchmarks divide by the
/// population size through OperationsPerInvoke). Min and Median are shown because the benchmark machine is often
/// shared: they are less disturbed by other processes than the Mean.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class PolicyEvaluationBenchmarks
{
    private const int Population = 1024;
    private const int UniquePopulation = 16_384; // far more distinct values than a pattern remembers (1,024 slots)

    private PolicyEvaluator _evaluator = null!;
    private Tag[] _compliant = null!;
    private (string Type, Tag[] Tags)[] _mixed = null!;
    private List<TagViolation> _found = null!;
    private Tag[][] _unique = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json");
        var policy = TaggingPolicyJson.Parse(File.ReadAllText(path));
        _evaluator = new PolicyEvaluator(policy);

        // rds:db is subject to all five required tags of the shipped policy.
        _compliant =
        [
            new("Name", "orders-db-1"),
            new("CostCenter", "CC-300"),
            new("Owner", "payments-team@example.com"),
            new("Environment", "production"),
            new("Application", "orders-api"),
            new("DataClassification", "confidential"),
            new("Project", "PAY-2041"),
        ];
        // Checked on copies, so the patterns remember other string instances than the benchmark passes (no
        // reference-equality shortcut when they look the value up).
        var verdict = _evaluator.Evaluate(CompliantType, [.. _compliant.Select(Fresh)], null);
        if (!verdict.Compliant || verdict.Warnings != 0 || _evaluator.RequirementsFor(CompliantType).Count() != 5)
        {
            throw new InvalidOperationException($"The compliant sample is not clean under a 5-required-tag policy: {verdict}");
        }

        _mixed = BuildMixedPopulation();
        _unique = [.. Enumerable.Range(0, UniquePopulation).Select(i => _compliant.Select(t => t.Key switch
        {
            "Owner" => new Tag("Owner", $"team-{i}@example.com"),
            "Application" => new Tag("Application", $"app-{i}"),
            "Project" => new Tag("Project", $"PAY-{i}"),
            _ => Fresh(t),
        }).ToArray())];
        _found = new List<TagViolation>(64);
    }

    private const string CompliantType = "rds:db";

    /// <summary>One compliant resource with 5 applicable required tags (target ≥ 5,000,000/s, 0 B).</summary>
    [Benchmark(Baseline = true)]
    public ResourceVerdict Policy_compliant_resource() => _evaluator.Evaluate(CompliantType, _compliant, null);

    /// <summary>
    /// Compliant resources whose pattern-checked values are all different (worst case: every pattern runs its regex).
    /// </summary>
    [Benchmark(OperationsPerInvoke = UniquePopulation)]
    public int Policy_compliant_resources_with_unique_values()
    {
        var compliant = 0;
        foreach (var tags in _unique)
        {
            if (_evaluator.Evaluate(CompliantType, tags, null).Compliant)
            {
                compliant++;
            }
        }

        return compliant;
    }

    /// <summary>A realistic mix (about 60% compliant), verdicts only, as the score is computed.</summary>
    [Benchmark(OperationsPerInvoke = Population)]
    public int Policy_mixed_population_verdicts()
    {
        var compliant = 0;
        foreach (var (type, tags) in _mixed)
        {
            if (_evaluator.Evaluate(type, tags, null).Compliant)
            {
                compliant++;
            }
        }

        return compliant;
    }

    /// <summary>The same mix, collecting every violation (allocates only the violations found).</summary>
    [Benchmark(OperationsPerInvoke = Population)]
    public int Policy_mixed_population_with_violations()
    {
        var count = 0;
        foreach (var (type, tags) in _mixed)
        {
            _found.Clear();
            _evaluator.Evaluate(type, tags, _found);
            count += _found.Count;
        }

        return count;
    }

    // Each resource gets its own string instances, as an SDK's deserialiser would give: no reference-equality shortcuts.
    private static Tag Fresh(Tag tag) => new(new string(tag.Key.AsSpan()), new string(tag.Value.AsSpan()));

    private (string, Tag[])[] BuildMixedPopulation()
    {
        string[] types = ["ec2:instance", "rds:db", "s3:bucket", "lambda:function", "ec2:volume", "dynamodb:table", "ec2:vpc", "kms:key"];
        var random = new Random(20261101);
        var result = new (string, Tag[])[Population];
        for (var i = 0; i < Population; i++)
        {
            var type = types[random.Next(types.Length)];
            var tags = _compliant.ToList();
            switch (random.Next(10))
            {
                case 0:
                    tags.RemoveAt(1); // missing CostCenter
                    break;
                case 1:
                    tags[3] = new("environment", "production"); // key case mismatch
                    break;
                case 2:
                    tags[3] = new("Environment", "prod"); // invalid value
                    break;
                case 3:
                    tags[2] = new("Owner", "someone@gmail.com"); // invalid format
                    break;
                default:
                    break; // compliant (tags of other resources stay valid)
            }

            result[i] = (type, [.. tags.Select(Fresh)]);
        }

        return result;
    }
}
