using System.Globalization;
using System.Text;
using FinOps.Web.Mcp.Answers;

namespace FinOps.Web.Mcp;

/// <summary>
/// The text block of a structured answer, for clients that pass only text to their model: the headline figures and
/// one line per listed item, spelled from the answer (never computed). The structured content holds every field; the
/// text is not the JSON again, which would double every answer's size on the wire and its cost on both ends.
/// </summary>
public static class McpText
{
    /// <summary>The text of a check_tag_compliance answer.</summary>
    public static string Compliance(ComplianceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder(256 + (answer.Violations.Count * 160));
        var c = CultureInfo.InvariantCulture;
        text.Append(answer.ScorePercent is { } percent ? string.Create(c, $"Tag compliance {percent:0.0}%: ") : "Tag compliance unknown (not scanned): ")
            .Append(c, $"{answer.Compliant:N0} of {answer.InScope:N0} in-scope resources compliant, ")
            .Append(c, $"{answer.NonCompliant:N0} non-compliant, {answer.OutOfScope:N0} out of scope ({answer.TotalResources:N0} resources). ")
            .Append(c, $"Scan {answer.ScanId} as of {answer.AsOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}{(answer.FromCache ? " (cached)" : "")}.")
            .AppendLine();
        var gap = answer.CostAttributionGap;
        text.Append(c, $"Cost attribution gap: ${gap.AmountUsd:N2} a month ({gap.Provenance}).").AppendLine();

        var regions = answer.RegionMetadata;
        text.Append(c, $"Regions: {regions.SuccessfulRegions.Count} of {regions.TotalRegions} scanned successfully");
        foreach (var failed in regions.FailedRegions)
        {
            text.Append(c, $"; {failed.Region} failed ({failed.Reason})");
        }

        text.Append(c, $". Data quality: {answer.DataQuality.Status}.").AppendLine();
        if (answer.Violations.Count == 0)
        {
            text.Append(c, $"No violations listed ({answer.ViolationCount:N0} in all).").AppendLine();
        }
        else
        {
            text.Append(c, $"Violations {answer.Violations.Count:N0} listed of {answer.ViolationCount:N0}, highest cost at stake first:").AppendLine();
            foreach (var v in answer.Violations)
            {
                text.Append(c, $"- ${v.ResourceCostUsd:N2} (gap share ${v.GapShareUsd:N2}) {v.Arn} ({v.ResourceType}, {v.Region}): {v.Kind} {v.TagKey} ({v.Severity})").AppendLine();
            }
        }

        if (answer.NextCursor is { } next)
        {
            text.Append(c, $"More: call again with the same arguments and cursor \"{next}\".").AppendLine();
        }

        return text.Append("Every figure, with messages and the per-region breakdown, is in the structured content.").ToString();
    }
}
