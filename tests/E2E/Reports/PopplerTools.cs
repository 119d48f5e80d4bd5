using System.Diagnostics;

namespace FinOps.Tests.E2E.Reports;

/// <summary>Runs poppler-utils (installed by scripts/test.sh) on a downloaded PDF: its text, and a page as PNG.</summary>
internal static class PopplerTools
{
    /// <summary>The PDF's text (pdftotext, layout kept), pages separated by form feeds.</summary>
    public static async Task<string> TextAsync(string pdfPath)
    {
        var output = await RunAsync("pdftotext", ["-layout", pdfPath, "-"]);
        return output;
    }

    /// <summary>Renders one page at 60 dpi to <c>{pngStem}.png</c> and returns that path.</summary>
    public static async Task<string> RenderPageAsync(string pdfPath, int page, string pngStem)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("pdftoppm", ["-png", "-r", "60", "-f", number, "-l", number, "-singlefile", pdfPath, pngStem]);
        return pngStem + ".png";
    }

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (is poppler-utils installed?)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
