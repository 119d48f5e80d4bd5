using FinOps.Domain.Scanning;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>How a data-quality status looks wherever it is shown (badge, panel): colour and icon.</summary>
public static class DataQualityStyle
{
    public static Color ColorOf(DataQualityStatus status) => status switch
    {
        DataQualityStatus.Complete => Color.Success,
        DataQualityStatus.Partial => Color.Warning,
        _ => Color.Error,
    };

    public static string IconOf(DataQualityStatus status) => status switch
    {
        DataQualityStatus.Complete => Icons.Material.Filled.Verified,
        DataQualityStatus.Partial => Icons.Material.Filled.WarningAmber,
        _ => Icons.Material.Filled.ErrorOutline,
    };
}
