using System.Data.Common;
using FinOps.Domain.State;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>The numbered units (a few hundred rows: every region × type any scan named).</summary>
internal static class UnitCatalog
{
    public static async Task<Dictionary<int, ScanUnit>> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var units = new Dictionary<int, ScanUnit>();
        await using var command = connection.Command(transaction, "SELECT id, region, resource_type FROM units");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            units[reader.GetInt32(0)] = new ScanUnit(reader.GetString(1), reader.GetString(2));
        }

        return units;
    }
}
