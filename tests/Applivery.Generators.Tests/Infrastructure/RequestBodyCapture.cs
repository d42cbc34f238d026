using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>What the server received as a request body: its headers and its exact bytes.</summary>
internal sealed record CapturedBody(string? ContentType, long? ContentLength, string? TransferEncoding, byte[] Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
}

/// <summary>One file of a multipart body, as ASP.NET Core's form reader sees it.</summary>
internal sealed record ReceivedFile(string Name, string FileName, string? ContentType, byte[] Bytes);

/// <summary>A multipart body as ASP.NET Core's form reader sees it, plus the raw text to check part headers.</summary>
internal sealed record ReceivedForm(string? ContentType, IReadOnlyDictionary<string, string[]> Fields, IReadOnlyList<ReceivedFile> Files, string Raw);

/// <summary>A streamed body as the server counted it, without keeping it: its length and SHA-256.</summary>
internal sealed record StreamedBody(string? ContentType, long? ContentLength, string? TransferEncoding, long Length, string Sha256);

/// <summary>Handlers for <see cref="LoopbackServer.Respond"/> that record the request body and answer 204.</summary>
internal static class RequestBodyCapture
{
    public static Func<HttpContext, Task> Raw(Action<CapturedBody> received) => async context =>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        received(new CapturedBody(context.Request.ContentType, context.Request.ContentLength, context.Request.Headers.TransferEncoding.FirstOrDefault(), buffer.ToArray()));
        context.Response.StatusCode = 204;
    };

    public static Func<HttpContext, Task> Form(Action<ReceivedForm> received) => async context =>
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        context.Request.Body.Position = 0;
        var form = await context.Request.ReadFormAsync();
        var files = new List<ReceivedFile>();
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content);
            files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
        }

        received(new ReceivedForm(
            context.Request.ContentType,
            form.ToDictionary(field => field.Key, field => field.Value.Select(value => value ?? string.Empty).ToArray()),
            files,
            System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
        context.Response.StatusCode = 204;
    };

    /// <summary>Reads the body through a hash in small pieces, with no size limit, so a large upload is never held whole.</summary>
    public static Func<HttpContext, Task> Streamed(Action<StreamedBody> received) => async context =>
    {
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            length += read;
        }

        received(new StreamedBody(context.Request.ContentType, context.Request.ContentLength, context.Request.Headers.TransferEncoding.FirstOrDefault(), length, Convert.ToHexString(hash.GetHashAndReset())));
        context.Response.StatusCode = 204;
    };
}
