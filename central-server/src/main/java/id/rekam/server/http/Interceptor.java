package id.rekam.server.http;

import java.io.IOException;

/**
 * One link of the request pipeline, modelled on OkHttp's interceptors: it may answer
 * itself, or call {@link Chain#proceed} and look at or change what comes back.
 */
public interface Interceptor {

    Response intercept(Chain chain) throws IOException;

    interface Chain {
        Request request();

        Response proceed(Request request) throws IOException;
    }
}
