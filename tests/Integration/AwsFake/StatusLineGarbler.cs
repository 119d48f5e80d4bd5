using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// Connection middleware of the fake that can garble the status line of one answer on a connection, the way a broken
/// proxy or a corrupted connection would (<c>HTTP/1.1 2x0 OK</c>); every other byte passes through untouched.
/// </summary>
internal static class StatusLineGarbler
{
    private const string GarbleNext = "finops.fake.garble-next-status-line";

    /// <summary>Wraps each connection's output.</summary>
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => connection =>
    {
        var transport = connection.Transport;
        var output = PipeWriter.Create(new GarblingStream(transport.Output.AsStream(), connection.Items));
        connection.Transport = new DuplexPipe(transport.Input, output);
        return next(connection);
    };

    /// <summary>The next answer written on this request's connection gets a status line no client can parse.</summary>
    public static void GarbleNextAnswer(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()!.Items[GarbleNext] = true;

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    private sealed class GarblingStream(Stream inner, IDictionary<object, object?> items) : Stream
    {
        private static readonly byte[] Http11 = Encoding.ASCII.GetBytes("HTTP/1.1 ");

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(Garbled(buffer.AsMemory(offset, count)).Span);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(Garbled(buffer), cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private ReadOnlyMemory<byte> Garbled(ReadOnlyMemory<byte> buffer)
        {
            if (!items.ContainsKey(GarbleNext) || !buffer.Span.StartsWith(Http11))
            {
                return buffer;
            }

            items.Remove(GarbleNext);
            var copy = buffer.ToArray();
            copy[Http11.Length + 1] = (byte)'x';
            return copy;
        }
    }
}
