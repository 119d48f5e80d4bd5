using MudBlazor;

namespace FinOps.Web.Components.Layout;

/// <summary>The product's MudBlazor theme (light and dark palettes).</summary>
public static class FinOpsTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e6f5c",
            Secondary = "#c05621",
            AppbarBackground = "#1e6f5c",
            Background = "#f6f7f9",
            Success = "#2e7d32",
            Warning = "#ed6c02",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4fb39a",
            Secondary = "#f6ad55",
            AppbarBackground = "#17322b",
            Success = "#66bb6a",
            Warning = "#ffa726",
            Error = "#ef5350",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
