using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Sqlite;

public class StoreFaultTests
{
    [Fact]
    public void Of_AnIndexWriteOntoAFullDisk_IsFull()
    {
        var full = new StoreException("x.db.index: cannot write the index: No space left on device", new IOException("No space left on device : '/x/_1.cfs'", 28));

        Assert.Equal(StoreFaultKind.Full, StoreFault.Of(full)?.Kind);
    }

    [Fact]
    public void Of_AnotherIndexWriteFailure_IsUnavailableWithItsMessage()
    {
        var failed = new StoreException("x.db.index: cannot write the index: Input/output error", new IOException("Input/output error", 5));

        var fault = StoreFault.Of(failed);

        Assert.Equal(StoreFaultKind.Unavailable, fault?.Kind);
        Assert.Contains("Input/output error", fault!.Reason);
    }

    [Fact]
    public void Of_AnInputError_IsNoStoreFault() => Assert.Null(StoreFault.Of(new FormatException("not a story")));
}
