using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Commonweal.Directory.Search;

/// <summary>
/// A finished Lucene index's files held in arrays, read without any lock. Each of Lucene.Net's own
/// stores takes a synchronised step on the hot path of a search: MMapDirectory acquires the mapping's
/// handle for every byte it reads, RAMDirectory locks for every buffer, NIOFSDirectory for every refill;
/// with sixteen searches at once those steps were a tenth to a third of a search's CPU. An index here is
/// written once and never changed (a changed directory gets a new one), so the files are copied in
/// when the writer has finished and nothing is ever written.
/// </summary>
internal sealed class ReadOnlyIndexFiles : BaseDirectory
{
    private readonly Dictionary<string, byte[]> files;

    public ReadOnlyIndexFiles(LuceneDirectory written)
    {
        files = written.ListAll().ToDictionary(name => name, name => ReadAll(written, name), StringComparer.Ordinal);
        SetLockFactory(new SingleInstanceLockFactory());
    }

    /// <summary>The bytes held, for the build's log line.</summary>
    public long Size => files.Values.Sum(file => (long)file.Length);

    public override string[] ListAll() => [.. files.Keys];

    [Obsolete("Lucene.Net marks this obsolete; it is still part of Directory.")]
    public override bool FileExists(string name) => files.ContainsKey(name);

    public override long FileLength(string name) => Bytes(name).Length;

    public override IndexInput OpenInput(string name, IOContext context) => new ArrayInput(name, Bytes(name));

    public override void DeleteFile(string name) => throw ReadOnly();

    public override IndexOutput CreateOutput(string name, IOContext context) => throw ReadOnly();

    public override void Sync(ICollection<string> names)
    {
        // Nothing is ever written, so there is nothing to make durable.
    }

    protected override void Dispose(bool disposing) => IsOpen = false;

    private byte[] Bytes(string name) =>
        files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"No index file {name}.", name);

    private static NotSupportedException ReadOnly() => new("A search index's files are read-only once written.");

    private static byte[] ReadAll(LuceneDirectory written, string name)
    {
        using var input = written.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[checked((int)input.Length)];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>One reader's place in a file; clones (one per search and posting list) each keep their own.</summary>
    private sealed class ArrayInput(string name, byte[] bytes) : IndexInput($"{nameof(ArrayInput)}({name})")
    {
        private int position;

        public override long Position => position;

        public override long Length => bytes.Length;

        public override byte ReadByte() =>
            (uint)position < (uint)bytes.Length ? bytes[position++] : throw new EndOfStreamException($"Read past the end of {name}.");

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - position)
            {
                throw new EndOfStreamException($"Read past the end of {name}.");
            }

            Buffer.BlockCopy(bytes, position, b, offset, len);
            position += len;
        }

        /// <summary>The most frequent read of all (postings and skip data): decoded here rather than byte by virtual byte.</summary>
        public override int ReadVInt32()
        {
            var value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = ReadByte();
                value |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new IOException($"Invalid variable-length integer in {name}.");
        }

        public override void Seek(long pos) =>
            position = pos >= 0 && pos <= bytes.Length ? (int)pos : throw new EndOfStreamException($"Seek past the end of {name}.");

        protected override void Dispose(bool disposing)
        {
            // The bytes belong to the directory, which lives as long as the index.
        }
    }
}
