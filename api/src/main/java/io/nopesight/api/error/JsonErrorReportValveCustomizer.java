package io.nopesight.api.error;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report valve and of the one Boot adds
 * (so it runs after Boot's customizer), so that what the container answers by itself is in the API's error
 * format too.
 */
@Component
class JsonErrorReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final JsonMapper json;

	JsonErrorReportValveCustomizer(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				replaceErrorReportValves(host);
			}
		});
	}

	private void replaceErrorReportValves(StandardHost host) {
		Pipeline pipeline = host.getPipeline();
		for (Valve existing : pipeline.getValves()) {
			if (existing instanceof ErrorReportValve) {
				pipeline.removeValve(existing);
			}
		}
		// the host adds a valve of this class when it starts unless it finds one: ours
		host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
		pipeline.addValve(new JsonErrorReportValve(this.json));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
