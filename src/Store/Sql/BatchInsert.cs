using System.Data.Common;
using System.Globalization;
using System.Text;

namespace FinOps.Store.Sql;

/// <summary>
/// Inserts rows into one table many at a time: one prepared multi-row INSERT reused for every full batch (both
/// providers accept <c>VALUES (…), (…)</c>). Keep batches to a few dozen rows: SQLite finds each parameter by name with
/// a linear search, so a statement's binding cost grows with the square of its parameters.
/// </summary>
internal sealed class BatchInsert : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly int _rowsPerStatement;
    private readonly object?[] _values;
    private DbCommand? _full;
    private int _rows;
    private int _column;

    public BatchInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns, int rowsPerStatement = 32)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _rowsPerStatement = rowsPerStatement;
        _values = new object?[columns.Length * rowsPerStatement];
    }

    /// <summary>Rows sent to the database so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The next column of the current row.</summary>
    public BatchInsert Value(object? value)
    {
        _values[(_rows * _columns.Length) + _column++] = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Ends the current row; sends a full batch.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_column != _columns.Length)
        {
            throw new InvalidOperationException($"A row of {_table} needs {_columns.Length} values, not {_column}.");
        }

        _column = 0;
        _rows++;
        return _rows == _rowsPerStatement ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Sends the rows not sent yet.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0)
        {
            return;
        }

        var full = _rows == _rowsPerStatement;
        var command = full ? _full ??= Build(_rowsPerStatement) : Build(_rows);
        try
        {
            var parameters = command.Parameters;
            for (var i = 0; i < _rows * _columns.Length; i++)
            {
                parameters[i].Value = _values[i];
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            RowsWritten += _rows;
            _rows = 0;
            Array.Clear(_values);
        }
        finally
        {
            if (!full)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null)
        {
            await _full.DisposeAsync().ConfigureAwait(false);
        }
    }

    private DbCommand Build(int rows)
    {
        var sql = new StringBuilder(64 + (rows * _columns.Length * 8));
        sql.Append("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", _columns).Append(") VALUES ");
        var command = _connection.Command(_transaction, "");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{(r * _columns.Length) + c}");
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.With(name, DBNull.Value);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
