using FinOps.Domain.Ports;

namespace FinOps.Web.Infrastructure;

/// <summary>
/// Keeps the tagging policy in a JSON file. Writes go to a temporary file that then replaces the old one, so a crash
/// never leaves half a policy. When the file does not exist yet it is seeded from the shipped default policy.
/// </summary>
public sealed class FilePolicyStore(string path, string? seedPath) : IPolicyStore
{
    public string Location => path;

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            if (seedPath is null || !File.Exists(seedPath))
            {
                return null;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.Copy(seedPath, path, overwrite: false);
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    public async Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temp, json, cancellationToken);
        File.Move(temp, full, overwrite: true);
    }
}
