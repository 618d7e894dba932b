using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StoryMerge.Storage.Tests.Feeds;

/// <summary>A feed served over HTTP on 127.0.0.1 (HttpListener): its content, its answers and what it was asked can change between polls.</summary>
public sealed class FeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _lock = new();
    private string _content = "";
    private int _version;

    public FeedServer()
    {
        int port = FreePort();
        Url = $"http://127.0.0.1:{port}/feed.rss";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Answers given with this status instead of the feed, one per request, before the feed is served again.</summary>
    public Queue<(HttpStatusCode Status, string? RetryAfter)> Failures { get; } = new();

    /// <summary>How long each answer waits before its headers.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request's If-None-Match header (null when absent), in order.</summary>
    public List<string?> IfNoneMatch { get; } = [];

    public int Requests { get { lock (_lock) return IfNoneMatch.Count; } }

    /// <summary>HTML pages served beside the feed, by path ("/article.html").</summary>
    public Dictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths of the pages asked for, in order.</summary>
    public List<string> PageRequests { get; } = [];

    /// <summary>The feed's current content.</summary>
    public string Content { get { lock (_lock) return _content; } }

    /// <summary>Serves new content under a new ETag.</summary>
    public void Publish(string content)
    {
        lock (_lock)
        {
            _content = content;
            _version++;
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string content, etag;
            (HttpStatusCode, string?)? failure = null;
            string? page;
            lock (_lock)
            {
                page = Pages.GetValueOrDefault(context.Request.Url!.AbsolutePath);
                if (page is not null) PageRequests.Add(context.Request.Url.AbsolutePath);
            }
            if (page is not null)
            {
                var html = Encoding.UTF8.GetBytes(page);
                response.ContentType = "text/html; charset=utf-8";
                await response.OutputStream.WriteAsync(html);
                response.Close();
                return;
            }
            if (context.Request.Url!.AbsolutePath != new Uri(Url).AbsolutePath)
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            lock (_lock)
            {
                IfNoneMatch.Add(context.Request.Headers["If-None-Match"]);
                content = _content;
                etag = $"\"v{_version}\"";
                if (Failures.Count > 0) failure = Failures.Dequeue();
            }
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            if (failure is var (status, retryAfter))
            {
                response.StatusCode = (int)status;
                if (retryAfter is not null) response.AddHeader("Retry-After", retryAfter);
            }
            else if (context.Request.Headers["If-None-Match"] == etag) response.StatusCode = 304;
            else
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                response.ContentType = "application/rss+xml; charset=utf-8";
                response.AddHeader("ETag", etag);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException) { }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
