namespace CampaignBot.EvidenceFiles;

/// <summary>
/// A stream that is read once from start to end (a download on its way into the evidence store):
/// no seeking, no length, no writing. Disposing it disposes what it reads from and what it holds
/// (<paramref name="owned"/>: the HTTP response, the cipher).
/// </summary>
public abstract class ForwardOnlyStream(Stream inner, IDisposable owned) : Stream
{
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
            owned.Dispose();
        }

        base.Dispose(disposing);
    }
}
