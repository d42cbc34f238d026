using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Generators.ContractTests.Infrastructure;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.ContractTests;

internal enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

internal sealed record OperationResult(string Key, Outcome Outcome, string? Reason);

internal sealed record DocumentReport(string Document, IReadOnlyList<OperationResult> Operations)
{
    public int Called => Operations.Count(operation => operation.Outcome != Outcome.Skipped);

    public int Passed => Operations.Count(operation => operation.Outcome == Outcome.Passed);

    public int Skipped => Operations.Count(operation => operation.Outcome == Outcome.Skipped);

    public int Failed => Operations.Count(operation => operation.Outcome == Outcome.Failed);

    public string Summary => $"{Document}: {Operations.Count} operations, {Called} called, {Passed} passed, {Skipped} skipped, {Failed} failed";
}

/// <summary>
/// Runs one document through the whole contract: generate in memory, compile and load, start Prism on it, call every
/// generated operation with values derived from the spec, and judge each call (Prism's validation, the wire form
/// against <see cref="WireOracle"/>, the 2xx read and written back).
/// </summary>
internal sealed class ContractRunner
{
    private const string Token = "contract-suite-token";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private readonly OpenApiDocument _document;
    private readonly SampleValues _samples;
    private readonly SampleValues _generatedSamples;
    private readonly string _specPath;
    private readonly string _name;

    public ContractRunner(string name, string specPath)
    {
        _name = name;
        _specPath = specPath;
        _document = OpenApiDocument.Load(File.ReadAllText(specPath));
        _samples = new SampleValues(_document);
        _generatedSamples = new SampleValues(_document, useExamples: false);
    }

    /// <summary>Where the time went (printed, never asserted).</summary>
    public List<string> Timings { get; } = new();

    public async Task<DocumentReport> RunAsync(string prismEntryPoint)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var text = File.ReadAllText(_specPath);
        var specPath = "/project/spec/" + Path.GetFileName(_specPath);

        // Prism (node) starts while Roslyn generates and compiles: the two overlap on a 2-core machine.
        var prismStart = PrismServer.StartAsync(prismEntryPoint, _specPath);
        PrismServer? prism = null;
        try
        {
            var run = GeneratorRun.Run(new[] { new SpecFile(specPath, text) }, trackSteps: false);
            var generatorDiagnostics = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("APG", StringComparison.Ordinal)).ToList();
            string? compileFailure = run.Result.Results.Single().Exception is { } exception ? "the generator threw " + exception.Message : null;
            CompiledAssembly? compiled = null;
            if (compileFailure is null)
            {
                try
                {
                    compiled = CompiledAssembly.Load(run.Output);
                }
                catch (Xunit.Sdk.XunitException failure)
                {
                    compileFailure = Trim(failure.Message.Replace('\n', ' '));
                }
            }

            Timings.Add($"generate+compile {stopwatch.Elapsed.TotalSeconds:0.0}s");
            stopwatch.Restart();
            prism = await prismStart;
            Timings.Add($"prism start (after compile) {stopwatch.Elapsed.TotalSeconds:0.0}s");
            stopwatch.Restart();
            if (compiled is null)
            {
                return new DocumentReport(_name, _document.Operations.Select(operation => new OperationResult(operation.Key, Outcome.Failed, compileFailure)).ToList());
            }

            // The client is the class that implements I{itself} and takes an HttpClient.
            var assembly = compiled.Assembly;
            var clientType = assembly.GetTypes().Single(candidate => candidate.IsClass
                && candidate.GetInterfaces().Any(implemented => implemented.Name == "I" + candidate.Name)
                && candidate.GetConstructor(new[] { typeof(System.Net.Http.HttpClient) }) is not null);
            var clientTypeName = clientType.FullName!;
            var interfaceType = clientType.GetInterfaces().Single(candidate => candidate.Name == "I" + clientType.Name);
            var resolverOptions = (JsonSerializerOptions)assembly.GetType(clientTypeName + "JsonTypeInfoResolver")!.GetProperty("Options")!.GetValue(null)!;
            var results = await CallAllAsync(prismEntryPoint, prism, clientType, assembly, interfaceType, resolverOptions, generatorDiagnostics);
            Timings.Add($"calls {stopwatch.Elapsed.TotalSeconds:0.0}s");
            return new DocumentReport(_name, results.Results);
        }
        finally
        {
            prism ??= await prismStart.ContinueWith(task => task.IsCompletedSuccessfully ? task.Result : null, TaskScheduler.Default);
            if (prism is not null)
            {
                await prism.DisposeAsync();
            }
        }
    }

    private sealed record CallResults(List<OperationResult> Results);

    private async Task<CallResults> CallAllAsync(string prismEntryPoint, PrismServer firstPrism, Type clientType, Assembly assembly, Type interfaceType, JsonSerializerOptions resolverOptions, IReadOnlyList<Diagnostic> generatorDiagnostics)
    {
        var methods = MapMethods(interfaceType);
        var results = new List<OperationResult>();
        var prism = firstPrism;
        var recorder = new RecordingHandler();
        var http = new HttpClient(recorder, disposeHandler: false) { BaseAddress = prism.BaseAddress, Timeout = CallTimeout };
        var client = CreateClient(clientType, http);
        // A request that crashed Prism failed already (with Prism's last words); the rest get a new Prism.
        async Task RestartIfStoppedAsync()
        {
            if (!prism.HasExited)
            {
                return;
            }

            http.Dispose();
            if (prism != firstPrism)
            {
                await prism.DisposeAsync();
            }

            prism = await PrismServer.StartAsync(prismEntryPoint, _specPath);
            http = new HttpClient(recorder, disposeHandler: false) { BaseAddress = prism.BaseAddress, Timeout = CallTimeout };
            client = CreateClient(clientType, http);
        }

        try
        {
            foreach (var operation in _document.Operations)
            {
                await RestartIfStoppedAsync();

                if (!methods.TryGetValue(operation, out var method))
                {
                    var reasons = DiagnosticsFor(operation, generatorDiagnostics, null);
                    results.Add(reasons.Count > 0
                        ? new OperationResult(operation.Key, Outcome.Skipped, string.Join(" | ", reasons))
                        : new OperationResult(operation.Key, Outcome.Failed, "no method was generated and no APG diagnostic says why"));
                    continue;
                }

                string? failure;
                for (var attempt = 1; ; attempt++)
                {
                    recorder.Clear();
                    try
                    {
                        failure = await CallAsync(operation, method, client, recorder, assembly, resolverOptions, generatorDiagnostics);
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        failure = "the test itself failed: " + exception.GetType().Name + ": " + exception.Message;
                    }

                    // A Prism that an earlier request crashed may still be dying when this one is sent: such a request
                    // never reached it, so it is sent once more to a new Prism, and the outcome does not depend on timing.
                    if (failure is not null && failure.Contains("(nothing was sent)", StringComparison.Ordinal) && attempt == 1)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(500));
                        if (prism.HasExited)
                        {
                            await RestartIfStoppedAsync();
                            continue;
                        }
                    }

                    break;
                }

                if (prism.HasExited)
                {
                    failure = (failure ?? "") + " | Prism stopped while answering this request: " + Tail(prism.Output);
                }

                if (failure is not null && DiagnosticsFor(operation, generatorDiagnostics, method.Name).Where(reason => !failure.Contains(reason, StringComparison.Ordinal)).ToList() is { Count: > 0 } apg)
                {
                    failure += " [generator diagnostics here: " + string.Join(" | ", apg) + "]";
                }

                results.Add(new OperationResult(operation.Key, failure is null ? Outcome.Passed : Outcome.Failed, failure));
            }
        }
        finally
        {
            http.Dispose();
            recorder.Dispose();
            if (prism != firstPrism)
            {
                await prism.DisposeAsync();
            }
        }

        return new CallResults(results);
    }

    /// <summary>Spec operation → generated method, by the README's naming rule (PascalCase(operationId) or method + path, + Async).</summary>
    private Dictionary<OperationInfo, MethodInfo> MapMethods(Type interfaceType)
    {
        var available = interfaceType.GetMethods().ToDictionary(method => method.Name, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var map = new Dictionary<OperationInfo, MethodInfo>();
        foreach (var operation in _document.Operations)
        {
            var desired = ClrValues.PascalCase(operation.OperationId ?? operation.Method + " " + operation.Path.Replace("{", " ").Replace("}", " "));
            var name = desired;
            for (var suffix = 2; !taken.Add(name); suffix++)
            {
                name = desired + suffix.ToString(CultureInfo.InvariantCulture);
            }

            if (available.TryGetValue(name + "Async", out var method))
            {
                map[operation] = method;
            }
        }

        return map;
    }

    /// <summary>The APG diagnostics inside the operation's lines or naming its method.</summary>
    private static List<string> DiagnosticsFor(OperationInfo operation, IReadOnlyList<Diagnostic> diagnostics, string? methodName)
    {
        var desired = ClrValues.PascalCase(operation.OperationId ?? operation.Method + " " + operation.Path.Replace("{", " ").Replace("}", " "));
        return diagnostics
            .Where(diagnostic =>
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
                var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                return (line >= operation.StartLine && line <= operation.EndLine)
                    || message.Contains(" " + desired + " ", StringComparison.Ordinal) || message.Contains(" " + desired + ",", StringComparison.Ordinal)
                    || message.Contains(" " + desired + ")", StringComparison.Ordinal) || message.EndsWith(" " + desired, StringComparison.Ordinal)
                    || (methodName is not null && message.Contains(methodName, StringComparison.Ordinal));
            })
            .Select(diagnostic => $"{diagnostic.Id} (line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}")
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The client built through its richest constructor whose credentials the test can give (today a bearer token);
    /// a credentials object is filled with test values.
    /// </summary>
    private static object CreateClient(Type clientType, HttpClient http)
    {
        object? Credential(Type type, string name)
        {
            if (type == typeof(HttpClient))
            {
                return http;
            }

            if (type == typeof(string))
            {
                return name.Contains("user", StringComparison.OrdinalIgnoreCase) ? "contract-user" : name.Contains("password", StringComparison.OrdinalIgnoreCase) ? "contract-password" : Token;
            }

            if (type == typeof(Func<CancellationToken, ValueTask<string>>))
            {
                return new Func<CancellationToken, ValueTask<string>>(_ => new ValueTask<string>(Token));
            }

            if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is { } constructor)
            {
                var options = constructor.Invoke(null);
                FillCredentials(options);
                return options;
            }

            throw new NotSupportedException("unknown credential type " + type);
        }

        bool CanSupply(Type type) => type == typeof(HttpClient) || type == typeof(string) || type == typeof(Func<CancellationToken, ValueTask<string>>)
            || (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null);

        var chosen = clientType.GetConstructors()
            .Where(constructor => constructor.GetParameters().Length > 0 && constructor.GetParameters()[0].ParameterType == typeof(HttpClient))
            .Where(constructor => constructor.GetParameters().All(parameter => CanSupply(parameter.ParameterType)))
            .OrderByDescending(constructor => constructor.GetParameters().Length)
            // A credentials object ({Client}Credentials) carries every scheme; a bearer token only one.
            .ThenByDescending(constructor => constructor.GetParameters().Count(parameter => parameter.ParameterType.Name.EndsWith("Credentials", StringComparison.Ordinal)))
            .ThenByDescending(constructor => constructor.GetParameters().Count(parameter => parameter.ParameterType == typeof(string)))
            .First();
        var client = chosen.Invoke(chosen.GetParameters().Select(parameter => Credential(parameter.ParameterType, parameter.Name!)).ToArray());
        FillCredentials(client);
        return client;

        // Credential-like init properties (an API key, a user name, a token provider) still unset get test values;
        // anything else (a base address, a size limit) is left as the client chose.
        void FillCredentials(object target)
        {
            foreach (var property in target.GetType().GetProperties().Where(property => property.SetMethod is not null && property.GetIndexParameters().Length == 0))
            {
                var name = property.Name.ToLowerInvariant();
                var isCredential = new[] { "key", "token", "user", "password", "secret", "credential" }.Any(name.Contains);
                if (property.GetValue(target) is not null)
                {
                    continue;
                }

                if (isCredential && (property.PropertyType == typeof(string) || property.PropertyType == typeof(Func<CancellationToken, ValueTask<string>>)))
                {
                    property.SetValue(target, Credential(property.PropertyType, property.Name));
                }
                else if (property.PropertyType.Name.EndsWith("Credential", StringComparison.Ordinal)
                    && property.PropertyType.GetConstructors().FirstOrDefault(candidate => candidate.GetParameters().All(parameter => parameter.ParameterType == typeof(string))) is { } credential)
                {
                    // The generated credential types ({Client}Credentials' properties): a key or token, or a user name and password.
                    property.SetValue(target, credential.Invoke(credential.GetParameters().Select(parameter => Credential(typeof(string), parameter.Name!)).ToArray()));
                }
            }
        }
    }

    private async Task<string?> CallAsync(
        OperationInfo operation,
        MethodInfo method,
        object client,
        RecordingHandler recorder,
        Assembly assembly,
        JsonSerializerOptions resolverOptions,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        var problems = new List<string>();
        var clr = new ClrValues(assembly);
        var unmatched = operation.Parameters.ToList();
        var passed = new List<(JsonObject Parameter, JsonNode? Value)>();
        JsonNode? bodyValue = null;
        string? bodyMediaType = null;
        JsonObject? bodySchema = null;
        JsonObject? bodyEncodings = null;
        using var cancellation = new CancellationTokenSource(CallTimeout);
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(cancellation.Token);
                continue;
            }

            var spec = unmatched.FirstOrDefault(candidate => ClrValues.Normalize(candidate["name"]!.GetValue<string>()) == ClrValues.Normalize(parameter.Name!));
            if (spec is not null)
            {
                unmatched.Remove(spec);
                var value = ParameterValue(spec, _samples);
                object? argument;
                try
                {
                    argument = clr.Build(value, parameter.ParameterType, spec["name"]!.GetValue<string>());
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or NotSupportedException)
                {
                    // The spec's example does not fit its own schema's type (a "uuid" that is not one): built from the schema.
                    value = ParameterValue(spec, _generatedSamples, useExample: false);
                    argument = clr.Build(value, parameter.ParameterType, spec["name"]!.GetValue<string>());
                }

                passed.Add((spec, value));
                arguments.Add(argument);
                continue;
            }

            if (_document.Resolve(operation.Node["requestBody"]) is JsonObject requestBody && bodyValue is null && requestBody["content"] is JsonObject content && content.Count > 0)
            {
                var media = content.FirstOrDefault(pair => IsJson(pair.Key));
                if (media.Key is null)
                {
                    media = content.First();
                }

                bodyMediaType = media.Key;
                var mediaObject = media.Value as JsonObject;
                bodySchema = _document.Resolve(mediaObject?["schema"]) as JsonObject;
                bodyEncodings = mediaObject?["encoding"] as JsonObject;
                bodyValue = mediaObject?["example"] is { } example && SampleValues.TypeOf(bodySchema) is not "object" and not "array"
                    ? example.DeepClone()
                    : _samples.For(mediaObject?["schema"], forRequest: true);
                object? body;
                try
                {
                    body = clr.Build(bodyValue, parameter.ParameterType, "body");
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or NotSupportedException)
                {
                    bodyValue = _generatedSamples.For(mediaObject?["schema"], forRequest: true);
                    body = clr.Build(bodyValue, parameter.ParameterType, "body");
                }

                arguments.Add(body);
                continue;
            }

            arguments.Add(parameter.HasDefaultValue ? parameter.DefaultValue : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null);
            problems.Add($"the method parameter '{parameter.Name}' matches nothing in the spec");
        }

        foreach (var missing in unmatched)
        {
            var apg = DiagnosticsFor(operation, diagnostics, method.Name).Where(reason => reason.Contains("'" + missing["name"]!.GetValue<string>() + "'", StringComparison.Ordinal));
            problems.Add($"the {missing["in"]} parameter '{missing["name"]}' is not in the method signature" + (apg.Any() ? " (" + string.Join("; ", apg) + ")" : " and no APG diagnostic says so"));
        }

        problems.AddRange(clr.Notes);

        object? result = null;
        Exception? thrown = null;
        try
        {
            var task = (Task)method.Invoke(client, arguments.ToArray())!;
            await task;
            if (method.ReturnType.IsGenericType)
            {
                result = task.GetType().GetProperty("Result")!.GetValue(task);
            }
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            thrown = exception.InnerException;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            thrown = exception;
        }

        var exchange = recorder.Last;
        try
        {
            if (exchange is not null && PrismProblem(exchange) is { } rejection)
            {
                return rejection + " (sent " + Excerpt(exchange) + ")";
            }

            if (thrown is not null && exchange is not null && thrown.GetType().Name == client.GetType().Name + "Exception" && !Declares2xx(operation)
                && (operation.Node["responses"] as JsonObject)?.ContainsKey(exchange.Status.ToString(CultureInfo.InvariantCulture)) == true)
            {
                // No 2xx in the spec: Prism validated the request and answered the first documented status, which the
                // client reports as its exception, as documented. The request is still compared with the oracle.
                problems.AddRange(CompareRequest(operation, passed, exchange, bodyMediaType, bodySchema, bodyValue, bodyEncodings));
                return problems.Count == 0 ? null : string.Join("; ", problems.Distinct());
            }

            if (thrown is not null)
            {
                return $"the client threw {thrown.GetType().Name}: {Trim(thrown.Message)}" + (exchange is null ? " (nothing was sent)" : $" (status {exchange.Status})");
            }

            if (exchange is null)
            {
                return "the call returned without sending a request";
            }

            problems.AddRange(CompareRequest(operation, passed, exchange, bodyMediaType, bodySchema, bodyValue, bodyEncodings));
            var responseProblems = CheckResponse(operation, method, exchange, result, assembly, resolverOptions);
            problems.AddRange(responseProblems);
            return problems.Count == 0 ? null : string.Join("; ", problems.Distinct());
        }
        finally
        {
            switch (result)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static bool Declares2xx(OperationInfo operation) =>
        (operation.Node["responses"] as JsonObject)?.Any(pair => pair.Key.StartsWith("2", StringComparison.Ordinal)) == true;

    private static string Excerpt(Exchange exchange)
    {
        var text = exchange.Method + " " + exchange.Uri.PathAndQuery;
        if (exchange.Body.Length > 0)
        {
            text += " " + (exchange.ContentType ?? "") + " " + Encoding.UTF8.GetString(exchange.Body, 0, Math.Min(exchange.Body.Length, 200));
        }

        return Trim(text);
    }

    private JsonNode? ParameterValue(JsonObject parameter, SampleValues samples, bool useExample = true)
    {
        var schemaNode = parameter["schema"];
        if (schemaNode is null && parameter["content"] is JsonObject content && content.Count > 0)
        {
            schemaNode = (content.First().Value as JsonObject)?["schema"];
        }

        var schema = _document.Resolve(schemaNode) as JsonObject;
        var isArray = SampleValues.TypeOf(schema) == "array";
        JsonNode? example = parameter.ContainsKey("example") ? parameter["example"]
            : parameter["examples"] is JsonObject examples && examples.Count > 0 ? (_document.Resolve(examples.First().Value) as JsonObject)?["value"]
            : null;
        if (useExample && example is not null && (!isArray || example is JsonArray { Count: >= 2 }) && SampleValues.TypeOf(schema) != "object")
        {
            return example.DeepClone();
        }

        return samples.For(schemaNode, forRequest: true);
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*";
    }

    /// <summary>Prism's own rejection (its problem+json error types), with the reason it gave.</summary>
    private static string? PrismProblem(Exchange exchange)
    {
        // On an invalid request Prism answers with the spec's own 4xx when it has one, naming the violations in a header.
        if (exchange.Violations is { } violations && RequestViolations(violations) is { } found)
        {
            return $"Prism rejected the request ({exchange.Status}, sl-violations): {found}";
        }

        if (exchange.Status < 400 || exchange.ResponseContentType != "application/problem+json")
        {
            return null;
        }

        try
        {
            var problem = JsonNode.Parse(exchange.ResponseBody) as JsonObject;
            var type = problem?["type"]?.GetValue<string>() ?? "";
            if (!type.Contains("stoplight.io/prism/errors", StringComparison.Ordinal))
            {
                return null;
            }

            var detail = new StringBuilder($"Prism rejected the request ({exchange.Status} {type.Substring(type.IndexOf('#') + 1)}): {problem!["title"]}");
            if (problem["validation"] is JsonArray validation && validation.Count > 0)
            {
                detail.Append(": ").Append(string.Join("; ", validation.Take(4).Select(item => $"{string.Join(".", (item?["location"] as JsonArray)?.Select(part => part?.ToString()) ?? Array.Empty<string>())} {item?["message"]}")));
            }
            else if (problem["detail"] is { } text)
            {
                detail.Append(": ").Append(Trim(text.ToString()));
            }

            return detail.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RequestViolations(string header)
    {
        if (!header.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            // "Too many violations! [...]": Prism's own summary; only its request violations count against the client.
            return header.Contains("[\"request\"", StringComparison.Ordinal) ? Trim(header) : null;
        }

        try
        {
            var items = (JsonNode.Parse(header) as JsonArray ?? new JsonArray())
                .Where(item => (item?["location"] as JsonArray)?.FirstOrDefault()?.ToString() == "request")
                .Select(item => $"{string.Join(".", ((JsonArray)item!["location"]!).Skip(1).Select(part => part?.ToString()))} {item["message"]}")
                .ToList();
            return items.Count == 0 ? null : Trim(string.Join("; ", items.Take(4)));
        }
        catch (JsonException)
        {
            return Trim(header);
        }
    }

    private IEnumerable<string> CompareRequest(OperationInfo operation, List<(JsonObject Parameter, JsonNode? Value)> passed, Exchange exchange, string? bodyMediaType, JsonObject? bodySchema, JsonNode? bodyValue, JsonObject? bodyEncodings)
    {
        var problems = new List<string>();
        if (!string.Equals(exchange.Method.Method, operation.Method, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"sent {exchange.Method} instead of {operation.Method.ToUpperInvariant()}");
        }

        // Path: each template variable expanded with its style, compared decoded.
        // A '#' in a path template cannot be sent (it starts the URI's fragment); the path ends there on the wire.
        var expectedPath = operation.Path.Split('#')[0];
        foreach (var (parameter, value) in passed.Where(item => item.Parameter["in"]!.GetValue<string>() == "path"))
        {
            var (style, explode) = WireOracle.StyleOf(parameter);
            var name = parameter["name"]!.GetValue<string>();
            expectedPath = expectedPath.Replace("{" + name + "}", WireOracle.Expand(name, style, explode, value), StringComparison.Ordinal);
        }

        var actualPath = Uri.UnescapeDataString(exchange.Uri.AbsolutePath);
        if (!string.Equals(actualPath, Uri.UnescapeDataString(expectedPath), StringComparison.Ordinal))
        {
            problems.Add($"path: the spec's serialization is {expectedPath}, the client sent {actualPath}");
        }

        var expectedQuery = new List<(string, string)>();
        var expectedCookies = new List<(string, string)>();
        foreach (var (parameter, value) in passed)
        {
            var location = parameter["in"]!.GetValue<string>();
            var name = parameter["name"]!.GetValue<string>();
            var (style, explode) = WireOracle.StyleOf(parameter);
            var json = parameter["schema"] is null && parameter["content"] is not null;
            switch (location)
            {
                case "query":
                    expectedQuery.AddRange(json ? new[] { (name, value?.ToJsonString() ?? "null") } : WireOracle.Query(name, style, explode, value));
                    break;
                case "header":
                    if (value is null)
                    {
                        break;
                    }

                    var expected = json ? value.ToJsonString() : WireOracle.Expand(name, "simple", explode, value);
                    if (!exchange.Headers.TryGetValue(name, out var actual))
                    {
                        problems.Add($"header '{name}': the spec's serialization is '{expected}', the client sent nothing");
                    }
                    else if (!WireOracle.SameValue(Squash(expected), Squash(actual)))
                    {
                        problems.Add($"header '{name}': the spec's serialization is '{expected}', the client sent '{actual}'");
                    }

                    break;
                case "cookie":
                    if (value is not null)
                    {
                        // Form style, exploded: an array is one cookie per item and an object one cookie per property
                        // (the style table's R=100&G=200&B=150, as cookies); otherwise one cookie named after the parameter.
                        expectedCookies.AddRange(value is JsonArray or JsonObject && explode && !json ? WireOracle.Query(name, "form", true, value) : new[] { (name, json ? value.ToJsonString() : WireOracle.Expand(name, "simple", explode, value)) });
                    }

                    break;
            }
        }

        // An apiKey credential in the query is the security scheme's, not a parameter's: the oracle leaves it out.
        var queryKeys = ((_document.Root["components"] as JsonObject)?["securitySchemes"] as JsonObject)?
            .Select(pair => _document.Resolve(pair.Value) as JsonObject)
            .Where(scheme => scheme?["type"]?.ToString() == "apiKey" && scheme["in"]?.ToString() == "query")
            .Select(scheme => scheme!["name"]?.ToString())
            .ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
        var sentQuery = WireOracle.ParseQuery(exchange.Uri.Query).Where(pair => !queryKeys.Contains(pair.Name) || expectedQuery.Any(expected => expected.Item1 == pair.Name)).ToList();
        if (WireOracle.ComparePairs("query", expectedQuery, sentQuery) is { } queryProblem)
        {
            problems.Add(queryProblem);
        }

        if (expectedCookies.Count > 0)
        {
            var sent = exchange.Headers.TryGetValue("Cookie", out var cookieHeader)
                ? cookieHeader.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(pair => pair.Split('=', 2)).Select(pair => (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))).ToList()
                : new List<(string, string)>();
            if (WireOracle.ComparePairs("cookie", expectedCookies, sent.Where(pair => expectedCookies.Any(cookie => cookie.Item1 == pair.Item1)).ToList()) is { } cookieProblem)
            {
                problems.Add(cookieProblem);
            }
        }

        if (bodyMediaType is not null)
        {
            problems.AddRange(CompareBody(bodyMediaType, bodySchema, bodyValue, exchange, bodyEncodings));
        }

        return problems;
    }

    private static string Squash(string value) => string.Join(",", value.Split(',').Select(part => part.Trim()));

    private IEnumerable<string> CompareBody(string mediaType, JsonObject? schema, JsonNode? value, Exchange exchange, JsonObject? encodings)
    {
        var sentType = exchange.ContentType?.Split(';')[0].Trim();
        var declared = mediaType.Split(';')[0].Trim();
        if (sentType is null)
        {
            yield return $"body: the spec's {declared} body was not sent";
            yield break;
        }

        if (IsJson(declared))
        {
            JsonNode? sent;
            string? error = null;
            try
            {
                sent = JsonNode.Parse(exchange.Body);
            }
            catch (JsonException exception)
            {
                sent = null;
                error = exception.Message;
            }

            if (error is not null)
            {
                yield return "body: not JSON: " + error;
                yield break;
            }

            foreach (var problem in CompareJson(value, sent, schema, "$", requestSide: true).Take(4))
            {
                yield return "body " + problem;
            }
        }
        else if (declared == "application/x-www-form-urlencoded")
        {
            // Each property as a query parameter would be, with its Encoding Object's style and explode (form, exploded by default).
            var expected = new List<(string, string)>();
            foreach (var pair in (value as JsonObject) ?? new JsonObject())
            {
                var encoding = encodings?[pair.Key] as JsonObject;
                var style = encoding?["style"]?.GetValue<string>() ?? "form";
                var explode = encoding?["explode"] is JsonValue flag && flag.TryGetValue<bool>(out var exploded) ? exploded : style == "form";
                expected.AddRange(WireOracle.Query(pair.Key, style, explode, pair.Value));
            }

            if (WireOracle.ComparePairs("form field", expected, WireOracle.ParseQuery(Encoding.UTF8.GetString(exchange.Body).Replace('+', ' '))) is { } problem)
            {
                yield return problem;
            }
        }
        else if (declared.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var text = Encoding.UTF8.GetString(exchange.Body);
            foreach (var pair in (value as JsonObject) ?? new JsonObject())
            {
                if (pair.Value is not null && !text.Contains($"name=\"{pair.Key}\"", StringComparison.Ordinal) && !text.Contains($"name={pair.Key}", StringComparison.Ordinal))
                {
                    yield return $"multipart: no part named '{pair.Key}'";
                    continue;
                }

                var property = Declared(schema).GetValueOrDefault(pair.Key);
                var isFile = property?["format"]?.ToString() == "binary" || property?["contentMediaType"] is not null
                    || (_document.Resolve(property?["items"]) as JsonObject)?["format"]?.ToString() == "binary";
                if (isFile && !System.Text.RegularExpressions.Regex.IsMatch(text, $"name=\"?{System.Text.RegularExpressions.Regex.Escape(pair.Key)}\"?;\\s*filename", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                {
                    yield return $"multipart: the file part '{pair.Key}' has no Content-Disposition file name";
                }
            }
        }
        else
        {
            // Binary and text bodies: the bytes of the value the test passed.
            var expected = Encoding.UTF8.GetBytes(WireOracle.Scalar(value));
            if (!expected.AsSpan().SequenceEqual(exchange.Body))
            {
                yield return $"body: sent {exchange.Body.Length} bytes of {sentType}, not the {expected.Length} bytes passed";
            }
        }
    }

    private IEnumerable<string> CheckResponse(OperationInfo operation, MethodInfo method, Exchange exchange, object? result, Assembly assembly, JsonSerializerOptions resolverOptions)
    {
        if (exchange.Status is < 200 or > 299)
        {
            yield return $"the client returned normally on status {exchange.Status}";
            yield break;
        }

        var responses = operation.Node["responses"] as JsonObject;
        var status = exchange.Status.ToString(CultureInfo.InvariantCulture);
        var response = _document.Resolve(responses?[status] ?? responses?[status[0] + "XX"] ?? responses?["default"]) as JsonObject;
        var content = response?["content"] as JsonObject;
        var mediaType = exchange.ResponseContentType;
        var media = content?.FirstOrDefault(pair => mediaType is not null && string.Equals(pair.Key.Split(';')[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase)).Value as JsonObject
            ?? content?.FirstOrDefault().Value as JsonObject;
        if (!method.ReturnType.IsGenericType)
        {
            if (content is { Count: > 0 } && exchange.ResponseBody.Length > 0)
            {
                yield return $"the {status} body ({mediaType}) is discarded: the method returns Task";
            }

            yield break;
        }

        if (exchange.ResponseBody.Length == 0)
        {
            yield break;
        }

        if (mediaType is not null && IsJson(mediaType))
        {
            JsonNode? raw = JsonNode.Parse(exchange.ResponseBody);
            JsonNode? written;
            string? error = null;
            try
            {
                written = WriteBack(result, assembly, resolverOptions);
            }
            catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
            {
                written = null;
                error = exception.GetType().Name + ": " + exception.Message;
            }

            if (error is not null)
            {
                yield return "the read value cannot be written back: " + Trim(error);
                yield break;
            }

            foreach (var problem in CompareJson(raw, written, _document.Resolve(media?["schema"]) as JsonObject, "$", requestSide: false).Take(4))
            {
                yield return "response " + problem;
            }
        }
        else if (result is string text)
        {
            if (text != Encoding.UTF8.GetString(exchange.ResponseBody))
            {
                yield return $"the {mediaType} text read differs from what Prism sent";
            }
        }
        else if (StreamOf(result) is { } stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (!copy.ToArray().AsSpan().SequenceEqual(exchange.ResponseBody))
            {
                yield return $"the {mediaType} bytes read ({copy.Length}) differ from the {exchange.ResponseBody.Length} Prism sent";
            }
        }
        else if (result is not byte[] bytes || !bytes.AsSpan().SequenceEqual(exchange.ResponseBody))
        {
            yield return $"the {mediaType} body is not readable from the returned {result?.GetType().Name ?? "null"}";
        }
    }

    private static Stream? StreamOf(object? result)
    {
        if (result is Stream stream)
        {
            return stream;
        }

        return result?.GetType().GetProperties().Where(property => typeof(Stream).IsAssignableFrom(property.PropertyType) && property.GetIndexParameters().Length == 0)
            .Select(property => property.GetValue(result) as Stream).FirstOrDefault(value => value is not null)
            ?? result?.GetType().GetMethods().Where(candidate => candidate.GetParameters().Length == 0 && typeof(Stream).IsAssignableFrom(candidate.ReturnType))
                .Select(candidate => candidate.Invoke(result, null) as Stream).FirstOrDefault(value => value is not null);
    }

    /// <summary>
    /// The read value written back as JSON: generated types through <c>{Client}JsonTypeInfoResolver</c> and
    /// System.Text.Json (the generated writer), collections and scalars around them here.
    /// </summary>
    private static JsonNode? WriteBack(object? value, Assembly assembly, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case DateTimeOffset date:
                return JsonValue.Create(date.ToString("O", CultureInfo.InvariantCulture));
            case DateOnly date:
                return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case Guid guid:
                return JsonValue.Create(guid.ToString());
            case Uri uri:
                return JsonValue.Create(uri.OriginalString);
            case JsonElement element:
                return JsonNode.Parse(element.GetRawText());
            case JsonNode node:
                return node.DeepClone();
            case IConvertible convertible when value.GetType().IsPrimitive || value is decimal:
                return JsonNode.Parse(Convert.ToString(convertible, CultureInfo.InvariantCulture)!.Replace("E+", "E"));
            case Enum member:
                var extensions = assembly.GetType(value.GetType().FullName + "Extensions");
                var wire = extensions?.GetMethod("ToWireValue")?.Invoke(null, new[] { value });
                return wire is null ? null : JsonValue.Create(wire.ToString());
            case IDictionary dictionary:
                var map = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    map[entry.Key.ToString()!] = WriteBack(entry.Value, assembly, options);
                }

                return map;
            case IEnumerable items when value.GetType().IsArray || value.GetType().IsGenericType:
                return new JsonArray(items.Cast<object?>().Select(item => WriteBack(item, assembly, options)).ToArray());
        }

        return JsonSerializer.SerializeToNode(value, value.GetType(), options);
    }

    /// <summary>
    /// Every property the schema declares that <paramref name="expected"/> has must be in <paramref name="actual"/> with
    /// the same value (dates and numbers compared by value), recursively; on the request side a readOnly property must
    /// not be sent.
    /// </summary>
    private IEnumerable<string> CompareJson(JsonNode? expected, JsonNode? actual, JsonObject? schema, string path, bool requestSide)
    {
        var declared = Declared(schema);
        switch (expected)
        {
            case null:
                if (actual is not null && requestSide)
                {
                    yield return $"{path}: expected null, sent {Trim(actual.ToJsonString())}";
                }

                yield break;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    yield return $"{path}: expected an object, got {Trim(actual?.ToJsonString() ?? "nothing")}";
                    yield break;
                }

                foreach (var pair in expectedObject)
                {
                    var isDeclared = declared.TryGetValue(pair.Key, out var propertySchema);
                    if (!isDeclared && !requestSide)
                    {
                        continue;
                    }

                    if (!actualObject.ContainsKey(pair.Key))
                    {
                        if (pair.Value is not null)
                        {
                            yield return $"{path}.{pair.Key}: {(requestSide ? "not sent" : "declared property lost when read and written back")}";
                        }

                        continue;
                    }

                    foreach (var problem in CompareJson(pair.Value, actualObject[pair.Key], propertySchema, path + "." + pair.Key, requestSide))
                    {
                        yield return problem;
                    }
                }

                if (requestSide)
                {
                    foreach (var pair in actualObject)
                    {
                        if (declared.TryGetValue(pair.Key, out var propertySchema) && propertySchema?["readOnly"]?.GetValue<bool>() == true)
                        {
                            yield return $"{path}.{pair.Key}: readOnly, but sent";
                        }
                    }
                }

                yield break;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    yield return $"{path}: expected {expectedArray.Count} items, got {Trim(actual?.ToJsonString() ?? "nothing")}";
                    yield break;
                }

                var itemSchema = _document.Resolve(schema?["items"]) as JsonObject;
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    foreach (var problem in CompareJson(expectedArray[i], actualArray[i], itemSchema, $"{path}[{i}]", requestSide))
                    {
                        yield return problem;
                    }
                }

                yield break;
            default:
                if (requestSide && schema?["format"]?.ToString() == "binary" && expected.GetValueKind() == JsonValueKind.String)
                {
                    // The client writes a format: binary value inside JSON as base64 (README, "Request bodies").
                    expected = JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(expected.GetValue<string>())));
                }

                if (actual is not JsonValue || !WireOracle.SameValue(WireOracle.Scalar(expected), WireOracle.Scalar(actual), schema?["format"]?.ToString()) || expected.GetValueKind() == JsonValueKind.String != (actual.GetValueKind() == JsonValueKind.String))
                {
                    yield return $"{path}: expected {Trim(expected.ToJsonString())}, got {Trim(actual?.ToJsonString() ?? "nothing")}";
                }

                yield break;
        }
    }

    /// <summary>The properties a schema declares, through allOf, and the union over oneOf/anyOf alternatives.</summary>
    private Dictionary<string, JsonObject?> Declared(JsonObject? schema, int depth = 0)
    {
        var result = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        if (schema is null || depth > 8)
        {
            return result;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var pair in properties)
            {
                result[pair.Key] = _document.Resolve(pair.Value) as JsonObject;
            }
        }

        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray parts)
            {
                foreach (var part in parts)
                {
                    foreach (var pair in Declared(_document.Resolve(part) as JsonObject, depth + 1))
                    {
                        result.TryAdd(pair.Key, pair.Value);
                    }
                }
            }
        }

        return result;
    }

    private static string Tail(string text)
    {
        // Prism's stack traces name files under this machine's checkout: keep them relative to node_modules.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\S*[\\/]node_modules[\\/]", "node_modules/");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" / ", lines.Skip(Math.Max(0, lines.Length - 3)).Select(line => line.Trim()));
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}
