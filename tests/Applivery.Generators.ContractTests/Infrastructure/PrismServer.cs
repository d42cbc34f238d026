using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Applivery.Generators.ContractTests.Infrastructure;

/// <summary>
/// One Prism mock server (<c>prism mock -d --seed 1</c>) for one document on a free loopback port: started, waited for
/// until it listens, and always stopped (its whole process tree) on dispose.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismServer(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What Prism printed so far (its request log names each validation problem).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrismServer> StartAsync(string prismEntryPoint, string specPath, int seed = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("node")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { prismEntryPoint, "mock", "-d", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), specPath })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            start.Environment["FORCE_COLOR"] = "0";
            var output = new StringBuilder();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            void OnLine(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }

                if (line.Contains("Prism is listening", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }

            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited before listening."));
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new PrismServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
            try
            {
                await listening.Task.WaitAsync(StartTimeout);
                return server;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                var log = server.Output;
                await server.DisposeAsync();
                // Another process may have taken the port between probing and Prism's bind: try a new one, twice.
                if (attempt < 3 && log.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new InvalidOperationException($"Prism did not start for {specPath} ({exception.Message}). Its output:\n{log}", exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not stopping: nothing more can be done from here.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
