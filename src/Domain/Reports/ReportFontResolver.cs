using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace FinOps.Domain.Reports;

/// <summary>
/// Serves the DejaVu Sans faces shipped inside this assembly to PDFsharp, so PDFs render the same on Linux, macOS and
/// Windows without installed fonts. Every family name resolves to DejaVu Sans (regular or bold; italic is simulated).
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    /// <summary>The family name report writers ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    // PDFsharp's resolver is process-wide and may be set only once, always to the same instance: hence one instance,
    // registered under a lock by Register().
    private static readonly ReportFontResolver Instance = new();
    private static readonly Lock RegistrationLock = new();

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private ReportFontResolver()
    {
    }

    /// <summary>
    /// Makes this resolver PDFsharp's font resolver (once per process; safe to call from any thread, any number of
    /// times). If the host already installed another resolver, that one is kept and this one becomes the fallback.
    /// </summary>
    public static void Register()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance) || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, Instance))
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance) && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        bold ? new FontResolverInfo(BoldFace, false, italic) : new FontResolverInfo(RegularFace, false, italic);

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"FinOps.Domain.Reports.Fonts.{faceName}.ttf";
        using var stream = typeof(ReportFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from the assembly.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
